/* kb_ike.c — IPsec / IKE error codes (winerror.h, 138xx).
 * Official names and texts: "System Error Codes (12000-15999)"; causes from
 * Microsoft's "Troubleshoot Always On VPN" and the runbooks summarised in
 * shared/reference/profilexml.md §3.4 and §5.6. */
#include "kb/kb.h"

#define HOW_SERVER_CERT                                                                            \
    "`vpnlint probe` reads the certificate the server presents over TLS (SSTP, TCP 443); "         \
    "the IKEv2 certificate travels in IKE_AUTH, which the probe never sends, but RRAS "            \
    "normally uses the same one. On "                                                              \
    "the VPN server run `certutil -v -store My`, pick the certificate bound to IKEv2 and read "    \
    "its Enhanced Key Usage, validity and Subject Alternative Name."
#define HOW_CERT_STORE                                                                             \
    "A certificate-store fact: vpnlint's device checks do not read certificate stores. "

static const vl_kb_cause c13801[] = {
    {.text = "The VPN server's IKEv2 certificate lacks the Server Authentication EKU (and, for "
             "some clients, the IP security IKE intermediate EKU).",
     .on = VL_KB_ON_CERT,
     .check = "NET022",
     .how = HOW_SERVER_CERT,
     .fix = "Reissue the server certificate with Server Authentication (1.3.6.1.5.5.7.3.1) and IP "
            "security IKE intermediate (1.3.6.1.5.5.8.2.2), then restart the RemoteAccess "
            "service."},
    {.text = "The VPN server's certificate has expired.",
     .on = VL_KB_ON_CERT,
     .check = "NET025",
     .how = HOW_SERVER_CERT,
     .fix = "Renew the server certificate and bind the new one to IKEv2."},
    {.text = "The client does not have the root CA of the server's certificate in Local "
             "Computer\\Trusted Root Certification Authorities (typical on non-domain-joined "
             "clients).",
     .on = VL_KB_ON_CERT,
     .check = "NET024",
     .how = HOW_CERT_STORE "Run `certutil -store Root` on the client and look for the issuing "
                           "root.",
     .fix = "Deploy the root CA certificate to the client's machine Trusted Root store (Intune "
            "trusted certificate profile or Group Policy)."},
    {.text = "The server name the client dials does not match the certificate's subject or "
             "Subject Alternative Name (e.g. the profile dials an IP address or an internal name).",
     .on = VL_KB_ON_CERT | VL_KB_ON_PROFILE | VL_KB_ON_PBK,
     .check = "NET023",
     .how = "NET023 (`vpnlint probe`) compares the name with the certificate the server presents "
            "over TLS; for IKEv2 alone compare NativeProfile/Servers (or PhoneNumber in the "
            "phonebook) with "
            "the certificate's SAN; it must be the exact FQDN.",
     .fix = "Dial the FQDN on the certificate, or reissue the certificate with the name clients "
            "dial."},
    {.text = "Device tunnel: the machine store holds several Client Authentication certificates "
             "and Windows presents one the server does not accept (intermittent 13801).",
     .on = VL_KB_ON_CERT | VL_KB_ON_SERVER,
     .how = HOW_CERT_STORE "Run `certutil -store My` on the client and count certificates with "
                           "Client Authentication; on the server check Set-VpnAuthProtocol "
                           "-RootCertificateNameToAccept.",
     .fix = "Add the IP security IKE intermediate EKU to the device tunnel certificate template so "
            "Windows picks it, and pin the root on the server with RootCertificateNameToAccept."},
};

static const vl_kb_cause c13805[] = {
    {.text = "The IKE negotiation got no answer in time: UDP 500/4500 or fragmented IKE packets "
             "are dropped on the path.",
     .on = VL_KB_ON_NETWORK,
     .check = "NET001 NET002 NET007",
     .how = "`vpnlint probe` tests UDP 500 and 4500 and the server's fragmentation support from "
            "where it runs. Take a packet "
            "capture on both ends and check that the IKE packets (and their fragments) arrive.",
     .fix = "Open UDP 500/4500 on every firewall and enable IKEv2 fragmentation on the server."},
};

static const vl_kb_cause c13806[] = {
    {.text = "Device tunnel or machine-certificate IKEv2: the client has no valid machine "
             "certificate (Client Authentication EKU, private key, trusted chain) in Local "
             "Computer\\Personal.",
     .on = VL_KB_ON_CERT,
     .how = HOW_CERT_STORE "Run `certutil -store My` as administrator; the certificate must show "
                           "a private key and chain to a trusted root.",
     .fix = "Enroll a machine certificate (auto-enrollment or an Intune SCEP/PKCS profile in the "
            "device context)."},
    {.text = "The certificate exists but its chain is incomplete on the client (intermediate CA "
             "missing) or its root is not trusted.",
     .on = VL_KB_ON_CERT,
     .how = HOW_CERT_STORE "Run `certutil -verify` on the certificate and read the chain errors.",
     .fix = "Deploy the intermediate and root CA certificates to the machine stores."},
    {.text = "The VPN server has no machine certificate for IKEv2 (or not the root to validate the "
             "client's).",
     .on = VL_KB_ON_CERT | VL_KB_ON_SERVER,
     .how = "A server certificate store vpnlint does not see. On the server run `certutil -store "
            "My` and `certutil -store Root`; Microsoft names this as the typical server-side "
            "cause.",
     .fix = "Install the server certificate and the root CA on the VPN server."},
};

static const vl_kb_cause c13868[] = {
    {.text = "The IKEv2 profile has no CryptographySuite, so Windows proposes its weak defaults "
             "(3DES, SHA-1, DH group 2) and a hardened or third-party server accepts none of them.",
     .on = VL_KB_ON_PROFILE,
     .check = "PX075",
     .fix = "Add a CryptographySuite that matches the server (e.g. AES128/SHA256/Group14) and "
            "configure the same on the server (Set-VpnServerConfiguration -CustomPolicy)."},
    {.text = "The CryptographySuite is incomplete, so part of the proposal falls back to defaults "
             "the server refuses.",
     .on = VL_KB_ON_PROFILE,
     .check = "PX072",
     .fix = "Set all six CryptographySuite values."},
    {.text = "A CryptographySuite value is misspelt or unknown, so Windows ignores it and proposes "
             "its defaults.",
     .on = VL_KB_ON_PROFILE,
     .check = "PX026",
     .fix = "Use the documented values (note AES_GCM_128 for EncryptionMethod but GCMAES128 for "
            "the transforms)."},
    {.text = "The CryptographySuite asks for weak algorithms that the server no longer allows.",
     .on = VL_KB_ON_PROFILE,
     .check = "PX073",
     .fix = "Use AES (or GCM), SHA-256 and DH group 14 or better on both ends."},
    {.text = "The CryptographySuite pairs a GCM cipher transform with a different authentication "
             "transform, which describes no policy a server offers.",
     .on = VL_KB_ON_PROFILE,
     .check = "PX074",
     .fix = "Set CipherTransformConstants and AuthenticationTransformConstants to the same GCMAES "
            "value."},
    {.text = "The CryptographySuite is complete but differs from the server's IKEv2 policy.",
     .on = VL_KB_ON_SERVER | VL_KB_ON_PROFILE,
     .check = "NET003 NET004",
     .how = "NET003 and NET004 (`vpnlint probe PROFILE.xml`) ask the server with the profile's "
            "CryptographySuite and say what it accepts instead. Or run Get-VpnServerConfiguration "
            "on an RRAS "
            "server (or read the third-party gateway's IKE proposals) and compare value by value.",
     .fix = "Make client and server use the same encryption, integrity, DH group and PFS group."},
    {.text = "A phonebook entry's custom IPsec policy is damaged (NumCustomPolicy disagrees with "
             "CustomIPSecPolicies), so the client proposes a different or broken set.",
     .on = VL_KB_ON_PBK,
     .check = "PBK008",
     .fix = "Re-apply the policy with Set-VpnConnectionIPsecConfiguration (or a CryptographySuite "
            "in the ProfileXML) instead of editing the phonebook."},
    {.text = "Phonebook-based IKEv2 connections (no CryptographySuite): the "
             "NegotiateDH2048_AES256 registry value changes what Windows proposes.",
     .on = VL_KB_ON_DEVICE,
     .how = "No device check reads this value yet. Run `reg query "
            "HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Parameters /v "
            "NegotiateDH2048_AES256`.",
     .fix =
         "Set NegotiateDH2048_AES256=1 when the server requires AES-256 with DH group 14, or set "
         "a custom policy with Set-VpnConnectionIPsecConfiguration."},
};

static const vl_kb_cause c13876[] = {
    {.text = "The IKEEXT service could not load its IPsec policy, often because another IPsec "
             "policy (Group Policy connection security rules, a third-party VPN client) conflicts.",
     .on = VL_KB_ON_DEVICE,
     .how = "No device check reads the IPsec policy store yet. Run `netsh advfirewall consec show "
            "rule name=all` and look in System events from IKEEXT and BFE around the failure.",
     .fix = "Remove the conflicting policy or client, then restart IKEEXT (or the computer)."},
    {.text = "The IKEEXT or BFE service is missing, stopped or disabled.",
     .on = VL_KB_ON_DEVICE,
     .check = "DEV002 DEV003 DEV001",
     .how = "DEV011 lists the state and start type of every VPN service.",
     .fix = "Restart the services; if they fail to start, check their start type and event log."},
};

static const vl_kb_cause c13894[] = {
    {.text = "The IPsec child (quick mode) negotiation reused main-mode parameters the peer no "
             "longer accepts, typically a stale security association after a network change or a "
             "server restart.",
     .on = VL_KB_ON_NETWORK | VL_KB_ON_SERVER,
     .how = "A state of the live negotiation, in no file vpnlint reads. Intermittent failures that "
            "clear after reconnecting point here; check the client's IKEEXT events (netsh wfp "
            "capture) at the time.",
     .fix = "Disconnect and reconnect; if it persists, align the IPsec (phase 2) settings of "
            "client and server."},
    {.text = "Client and server disagree on the quick-mode (phase 2) proposals, common with "
             "third-party L2TP/IPsec servers.",
     .on = VL_KB_ON_SERVER,
     .how = "The server's proposals are not in any file vpnlint reads. Compare the server's phase "
            "2 proposals with Windows' (AES/SHA-1 or better).",
     .fix = "Configure matching phase 2 proposals on the server."},
};

static const vl_kb_entry ike_entries[] = {
    {"13801", 13801, true, "ERROR_IPSEC_IKE_AUTH_FAIL",
     "IKE authentication credentials are unacceptable.",
     "IKEv2 could not accept the other side's certificate: usually the VPN server's certificate "
     "(EKU, expiry, name) or the client's trust in its root.",
     NULL, "RasClient event 20227; connection dialog", VL_KB_CAUSES(c13801)},
    {"13805", 13805, true, "ERROR_IPSEC_IKE_TIMED_OUT", "Negotiation timed out.",
     "The IKE negotiation got no answer in time.", NULL, "RasClient event 20227",
     VL_KB_CAUSES(c13805)},
    {"13806", 13806, true, "ERROR_IPSEC_IKE_NO_CERT",
     "IKE failed to find valid machine certificate. Contact your Network Security "
     "Administrator about installing a valid certificate in the appropriate Certificate Store.",
     "IKEv2 needed a machine certificate and found no usable one.", NULL,
     "RasClient event 20227; device tunnel", VL_KB_CAUSES(c13806)},
    {"13868", 13868, true, "ERROR_IPSEC_IKE_POLICY_MATCH", "Policy match error.",
     "Client and server have no IKE encryption settings in common.", "policy mismatch",
     "RasClient event 20227", VL_KB_CAUSES(c13868)},
    {"13876", 13876, true, "ERROR_IPSEC_IKE_LOAD_FAILED", "Load failed.",
     "The IPsec keying service could not load what it needs for the negotiation; a local "
     "problem of the client's IPsec services, not of the server.",
     NULL, "RasClient event 20227", VL_KB_CAUSES(c13876)},
    {"13894", 13894, true, "ERROR_IPSEC_IKE_INVALID_MM_FOR_QM",
     "Parameters of the main mode are invalid for this quick mode.",
     "The second IPsec negotiation step did not fit the first one.", NULL, "RasClient event 20227",
     VL_KB_CAUSES(c13894)},
};

const vl_kb_area vl_kb_area_ike = {"ike", "IPsec / IKE (winerror.h, 138xx)", ike_entries,
                                   VL_ARRAY_LEN(ike_entries)};
