/* kb_ras.c — RAS / VPN client error codes (raserror.h, 6xx-8xx).
 * Official texts: "Routing and Remote Access Error Codes" (raserror.h) and
 * Microsoft's "Troubleshoot Always On VPN"; causes from the runbooks
 * summarised in shared/reference/rasphone-pbk.md §3.7/§6.5 and profilexml.md
 * §5.6. Each cause names the rules / device checks that decide it (their
 * docs/rules/<ID>.md say so), or says why it must be checked by hand. */
#include "kb/kb.h"

#define ON_CLIENT_FILES (VL_KB_ON_PROFILE | VL_KB_ON_PBK)

/* Shared manual steps, so the same check reads the same everywhere. */
#define HOW_UDP_500_4500                                                                           \
    "`vpnlint probe PROFILE.xml` sends IKE_SA_INIT to UDP 500 and 4500 (and TLS to TCP 443 for "   \
    "SSTP) from where it runs, without credentials. Firewalls may treat the clients' networks "    \
    "differently, so also take a packet capture (pktmon or Wireshark) on the client and on the "   \
    "server's outside interface (Test-NetConnection tests TCP only, so it cannot prove this)."
#define HOW_NPS_LOG                                                                                \
    "Decided on the server, which vpnlint does not see from the client: run `vpnlint nps "         \
    "IN*.log --user NAME` on the NPS accounting log and read the Reason-Code of the "              \
    "Access-Reject for this user."
#define HOW_CERT_STORE                                                                             \
    "A certificate-store fact: vpnlint's device checks do not read certificate stores. "
#define HOW_NO_PROBE                                                                               \
    "`vpnlint probe` reads the certificate the server presents over TLS (SSTP, TCP 443); "         \
    "the IKEv2 certificate travels in IKE_AUTH, which the probe never sends, but RRAS "            \
    "normally uses the same one. "
#define FIX_NAT_T                                                                                  \
    "Set AssumeUDPEncapsulationContextOnSendRule (REG_DWORD) to 2 under "                          \
    "HKLM\\SYSTEM\\CurrentControlSet\\Services\\PolicyAgent (`vpnlint repair natt --value 2` or "  \
    "`vpnlint remediate` from an elevated prompt) and restart the computer; re-apply after "       \
    "feature updates."
#define HOW_NAT_T                                                                                  \
    "DEV004 reports the value missing or not 2 while L2TP connections exist on the device, "       \
    "DEV005 a value of the wrong type; PBK039 lists the phonebook's L2TP entries that need it. "   \
    "Whether client or server is behind NAT vpnlint cannot see; a Windows VPN server behind NAT "  \
    "needs the value too."
#define HOW_SERVICES "DEV011 lists the state and start type of every VPN service."

static const vl_kb_cause c691[] = {
    {.text = "The user name or password is wrong, or Windows sent a stale saved credential.",
     .on = VL_KB_ON_SECRET | VL_KB_ON_SERVER,
     .how = HOW_NPS_LOG " Reason 16 (IAS_AUTH_FAILURE) means a bad password, 8 (IAS_NO_SUCH_USER) "
                        "an unknown account.",
     .fix =
         "Re-enter the credentials. If the connection keeps a saved password, clear it or delete "
         "and recreate the connection."},
    {.text = "The authentication method the client offers is not allowed by the server or the NPS "
             "network policy (e.g. the client offers only MS-CHAPv2 and the policy requires EAP).",
     .on = VL_KB_ON_SERVER | ON_CLIENT_FILES,
     .how = HOW_NPS_LOG " Reason 66 (IAS_INVALID_AUTH_TYPE) confirms it; then compare the "
                        "phonebook's AuthRestrictions or the ProfileXML's Authentication with the "
                        "policy.",
     .fix =
         "Make the client and the NPS network policy agree on one method (for Always On VPN: EAP "
         "or PEAP with certificates)."},
    {.text = "The phonebook entry offers no method the server accepts: neither MS-CHAP v2 nor EAP "
             "is allowed, or EAP is allowed without an EAP method, or an EAP method is set without "
             "allowing EAP.",
     .on = VL_KB_ON_PBK,
     .check = "PBK032 PBK034 PBK033",
     .fix = "Allow MS-CHAP v2 or EAP in the entry's security settings (AuthRestrictions 512 or "
            "128) and, for EAP, set the method (CustomAuthKey), matching what the server "
            "accepts."},
    {.text = "The account is disabled, expired, locked out, outside its logon hours or has no "
             "dial-in permission.",
     .on = VL_KB_ON_SERVER,
     .how = HOW_NPS_LOG " Reasons 34, 35, 36, 37 and 65 name each of these.",
     .fix = "Fix the account in Active Directory (enable, unlock, extend, or set Network Access "
            "Permission to 'Control access through NPS Network Policy')."},
    {.text = "NPS cannot reach a domain controller to check the account.",
     .on = VL_KB_ON_SERVER,
     .how = HOW_NPS_LOG " Reasons 4, 5 and 261 mean the directory was unreachable.",
     .fix = "Restore NPS's connectivity to the domain controllers and global catalog; register NPS "
            "in Active Directory (netsh ras add registeredserver)."},
};

static const vl_kb_cause c786[] = {
    {.text =
         "The L2TP connection is set to use a certificate but the computer has no valid machine "
         "certificate (Client Authentication EKU, private key, trusted chain) in Local "
         "Computer\\Personal.",
     .on = VL_KB_ON_CERT,
     .how = HOW_CERT_STORE "Run `certutil -store My` as administrator and look for a certificate "
                           "with Client Authentication, a private key and a chain to a root the "
                           "server trusts.",
     .fix =
         "Enroll a machine certificate from a CA the VPN server trusts, or switch the connection "
         "to a pre-shared key if that is what the server expects."},
    {.text = "The connection was meant to use a pre-shared key, but it is set to certificate "
             "authentication.",
     .on = ON_CLIENT_FILES,
     .check = "PBK031",
     .how = "For a ProfileXML no rule checks this yet: with "
            "<NativeProtocolType>L2tp</NativeProtocolType>, a pre-shared key needs <L2tpPsk>.",
     .fix = "Select 'Use preshared key for authentication' and enter the key the server uses."},
};

static const vl_kb_cause c787[] = {
    {.text = "The pre-shared key on the client differs from the server's.",
     .on = VL_KB_ON_SECRET | VL_KB_ON_SERVER,
     .how = "vpnlint never reads secrets. Re-type the key on both ends and compare (watch for "
            "non-ASCII characters and trailing spaces).",
     .fix = "Set the same pre-shared key on client and server."},
    {.text = "Certificate L2TP: the client does not trust the server's certificate (its root CA is "
             "missing on the client).",
     .on = VL_KB_ON_CERT,
     .how = HOW_CERT_STORE "Run `certutil -verify` on the server certificate from the client, or "
                           "check that its root CA is in Local Computer\\Trusted Root "
                           "Certification Authorities.",
     .fix = "Install the server's root CA on the client (machine store)."},
};

#define CAUSE_WEAK_SERVER_PROPOSALS                                                                \
    {                                                                                              \
        .text = "Client and server share no IPsec encryption or integrity algorithm; often the "   \
                "server offers only DES or MD5, which Windows removed.",                           \
        .on = VL_KB_ON_SERVER,                                                                     \
        .how =                                                                                     \
            "The server's proposals are not in any file vpnlint reads: check the server's IPsec "  \
            "settings, or the IKEEXT log (netsh wfp capture) on the client.",                      \
        .fix =                                                                                     \
            "Configure AES and SHA-1 or better on the server. Only as a stop-gap, "                \
            "AllowL2TPWeakCrypto=1 under "                                                         \
            "HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Parameters re-enables the weak "   \
            "algorithms."                                                                          \
    }

static const vl_kb_cause c788[] = {CAUSE_WEAK_SERVER_PROPOSALS};

#define CAUSE_NAT_T                                                                                \
    {                                                                                              \
        .text = "L2TP/IPsec with client or server behind NAT, without Windows' NAT-T registry "    \
                "value (AssumeUDPEncapsulationContextOnSendRule).",                                \
        .on = VL_KB_ON_DEVICE | VL_KB_ON_PBK | VL_KB_ON_NETWORK, .check = "DEV004 DEV005 PBK039",  \
        .how = HOW_NAT_T, .fix = FIX_NAT_T                                                         \
    }

#define CAUSE_PROHIBIT_IPSEC                                                                       \
    {                                                                                              \
        .text = "ProhibitIpSec=1 is left on the client, so Windows builds no IPsec policy for "    \
                "L2TP.",                                                                           \
        .on = VL_KB_ON_DEVICE, .check = "DEV006",                                                  \
        .fix =                                                                                     \
            "Set ProhibitIpSec to 0 under "                                                        \
            "HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Parameters (`vpnlint remediate` "  \
            "does this) and restart, unless a manual IPsec policy is in use on purpose."           \
    }

static const vl_kb_cause c789[] = {
    {.text = "The connection uses L2TP but has no pre-shared key configured (and no machine "
             "certificate is meant to be used).",
     .on = ON_CLIENT_FILES,
     .check = "PBK031",
     .how = "For a ProfileXML no rule checks this yet: with "
            "<NativeProtocolType>L2tp</NativeProtocolType> (or L2tp in ProtocolList), check that "
            "<L2tpPsk> is present, or that a machine certificate is used instead.",
     .fix = "Configure the pre-shared key (<L2tpPsk> in a ProfileXML, 'Use preshared key' in the "
            "connection's advanced settings), or deploy a machine certificate."},
    {.text = "The pre-shared key is wrong or differs from the server's.",
     .on = VL_KB_ON_SECRET | VL_KB_ON_SERVER,
     .how = "vpnlint never reads secrets. Re-enter the key on the client and compare it with the "
            "server's; avoid non-ASCII characters.",
     .fix = "Set the same pre-shared key on both ends."},
    CAUSE_NAT_T,
    CAUSE_WEAK_SERVER_PROPOSALS,
    CAUSE_PROHIBIT_IPSEC,
    {.text = "The January 2022 cumulative updates (KB5009543, KB5009566) broke L2TP/IKE to "
             "non-Microsoft servers.",
     .on = VL_KB_ON_DEVICE,
     .check = "DEV007",
     .fix = "Install the out-of-band fixes KB5010793 (Windows 10) or KB5010795 (Windows 11) or any "
            "later cumulative update."},
    {.text = "The IKE and AuthIP IPsec Keying Modules (IKEEXT), IPsec Policy Agent or Base "
             "Filtering Engine service is missing, stopped or disabled.",
     .on = VL_KB_ON_DEVICE,
     .check = "DEV001 DEV002 DEV003",
     .how = HOW_SERVICES,
     .fix = "Set the services to their default start type and start them."},
};

static const vl_kb_cause c790[] = {
    {.text = "The server cannot validate the client's machine certificate: its chain, EKU or "
             "validity is wrong, or the server lacks the client's root CA.",
     .on = VL_KB_ON_CERT | VL_KB_ON_SERVER,
     .how = HOW_CERT_STORE "On the client run `certutil -store My`; on the server check that the "
                           "issuing root is trusted.",
     .fix = "Issue the client certificate from a CA the server trusts, with Client Authentication "
            "EKU, and install the root on the server."},
};

static const vl_kb_cause c800[] = {
    {.text = "The tunnel type is Automatic (phonebook VpnStrategy=0, ProfileXML NativeProtocolType "
             "Automatic or missing) and every protocol failed, which hides the real error.",
     .on = ON_CLIENT_FILES,
     .check = "PBK030 PX024",
     .how = "PBK030 reports VpnStrategy=0 in a phonebook, PX024 a ProfileXML without "
            "NativeProtocolType. <NativeProtocolType>Automatic</NativeProtocolType> is valid and "
            "no rule flags it: look for it in the ProfileXML.",
     .fix = "Pin the protocol you use (e.g. IKEv2) and connect again: the error that follows names "
            "the real cause."},
    {.text = "The VPN server cannot be reached on the tunnel's ports (UDP 500/4500 for IKEv2 and "
             "L2TP, TCP 443 for SSTP).",
     .on = VL_KB_ON_NETWORK,
     .check = "NET001 NET002 NET020",
     .how = HOW_UDP_500_4500,
     .fix = "Allow UDP 500 and 4500 (and TCP 443 for SSTP) through every firewall to the server."},
    {.text = "IKE certificates are missing or wrong on the client or the server.",
     .on = VL_KB_ON_CERT,
     .how = HOW_CERT_STORE "Pin the protocol first (see above); the specific error (13801, "
                           "13806) then says which certificate, and `vpnlint explain` explains it.",
     .fix = "Install the certificates this deployment needs on both ends."},
};

static const vl_kb_cause c806[] = {
    {.text = "A firewall or router between client and server blocks GRE (IP protocol 47), which "
             "PPTP needs.",
     .on = VL_KB_ON_NETWORK | VL_KB_ON_PBK,
     .how = "vpnlint cannot see the network path (no network probe yet). Capture on the server's "
            "outside interface: TCP 1723 arrives but no GRE packets do. PBK038 (`vpnlint lint "
            "rasphone.pbk`) shows which entries use PPTP.",
     .fix = "Allow GRE, or better, stop using PPTP and move to IKEv2 or SSTP."},
};

static const vl_kb_cause c807[] = {
    {.text = "The network path dropped the established tunnel: latency, loss, a changing network, "
             "or the server reached capacity.",
     .on = VL_KB_ON_NETWORK | VL_KB_ON_SERVER,
     .how = "vpnlint cannot see the network path or the server's load. Look for RasClient 20226 "
            "events and the server's port usage.",
     .fix = "Reconnect; if frequent, check the server's free ports and the client's network."},
    {.text = "Fragmented packets are dropped on the path (MTU), which breaks the tunnel after "
             "setup.",
     .on = VL_KB_ON_NETWORK,
     .how = "vpnlint cannot see the network path. Ping the server with the do-not-fragment flag "
            "(`ping -f -l 1400 SERVER`) and lower the size until it passes.",
     .fix = "Fix the MTU or fragmentation filtering on the path; for IKEv2 enable IKE "
            "fragmentation on the server."},
};

static const vl_kb_cause c808[] = {
    {.text = "The server refused the connection because its configuration does not match the "
             "client's: the protocol is not enabled on the server, or it has no free ports.",
     .on = VL_KB_ON_SERVER,
     .how =
         "A server setting vpnlint does not see. Routing and Remote Access > Ports on the server "
         "shows how many ports each protocol has and how many are in use.",
     .fix = "Enable the protocol (and enough ports) on the server, or pin the client to a protocol "
            "the server offers."},
};

#define CAUSE_MALFORMED_SERVER_NAME                                                                \
    {                                                                                              \
        .text = "The server name in the connection is malformed: a URL instead of a host name, "   \
                "spaces, or full-width or invisible characters that look right but are not.",      \
        .on = ON_CLIENT_FILES, .check = "PBK043 PBK042 PBK041 PX006",                              \
        .how =                                                                                     \
            "PX006 reports hidden and non-ASCII characters anywhere in a ProfileXML, including "   \
            "NativeProfile/Servers.",                                                              \
        .fix = "Write the server as a plain host name or IP address (e.g. vpn.example.com)."       \
    }

static const vl_kb_cause c809[] = {
    {.text = "UDP 500 or UDP 4500 is blocked by a firewall between client and server (or on the "
             "server itself).",
     .on = VL_KB_ON_NETWORK,
     .check = "NET001 NET002",
     .how = HOW_UDP_500_4500,
     .fix = "Allow UDP 500 and UDP 4500 from the client to the VPN server's outside interface on "
            "every firewall (client, network, server)."},
    CAUSE_NAT_T,
    CAUSE_PROHIBIT_IPSEC,
    {.text = "IKE packets are fragmented (large certificate chains) and a device on the path drops "
             "the fragments.",
     .on = VL_KB_ON_NETWORK | VL_KB_ON_SERVER | VL_KB_ON_PROFILE,
     .check = "NET007",
     .how = "NET007 reports a server that does not announce IKEv2 fragmentation; whether the path "
            "drops fragments vpnlint cannot see. In a packet capture, the client's IKE_AUTH "
            "packets leave as IP fragments and never get an answer. On the client, "
            "<DisableIKEv2Fragmentation>true</DisableIKEv2Fragmentation> in the ProfileXML turns "
            "IKE fragmentation off; no rule reports it.",
     .fix = "Enable IKEv2 fragmentation on the server (Windows Server 1803+: "
            "EnableServerFragmentation=1 under "
            "HKLM\\SYSTEM\\CurrentControlSet\\Services\\RemoteAccess\\Parameters\\Ikev2) and make "
            "sure the client does not set DisableIKEv2Fragmentation."},
    {.text = "A firewall keeps a stale IKE session after the client roamed (IKEv2 mobility), so "
             "new attempts time out intermittently.",
     .on = VL_KB_ON_PBK | VL_KB_ON_NETWORK,
     .check = "PBK051",
     .how = "PBK051 reports Always On IKEv2 entries that keep mobility on; intermittent 809 after "
            "sleep or a network change points here. The firewall's session table vpnlint cannot "
            "see.",
     .fix = "Set DisableMobility=1 and NetworkOutageTime=0 for the entry (PBK050 reports "
            "DisableMobility=1 with an outage time left), or shorten the firewall's UDP session "
            "timeout."},
    {.text = "The server does not answer at all: the server name resolves to a wrong address, or "
             "the IKE service on the server is stopped.",
     .on = VL_KB_ON_SERVER | VL_KB_ON_NETWORK,
     .check = "NET006 NET020 NET021 NET026",
     .how = "`vpnlint probe` asks the server from where it runs: something other than an IKEv2 "
            "server answering (NET006), or no working SSTP listener (NET020, NET021, NET026). "
            "Check that the name in "
            "NativeProfile/Servers (or PhoneNumber in the phonebook) resolves to the server's "
            "public address (`Resolve-DnsName`), and that IKEEXT runs on the server.",
     .fix = "Correct the server name or its DNS record, or start the Remote Access and IKEEXT "
            "services on the server."},
    CAUSE_MALFORMED_SERVER_NAME,
};

static const vl_kb_cause c810[] = {
    {.text = "The certificate used between client and server is wrong or expired (IKEv2 machine "
             "certificate or SSTP/IKE server certificate).",
     .on = VL_KB_ON_CERT,
     .how =
         HOW_NO_PROBE "Check the validity and EKU of the server certificate (`certutil -v -store "
                      "My` on the server) and of the client machine certificate.",
     .fix = "Renew or replace the certificate; see 13801 and 13806 for the IKEv2 details."},
};

static const vl_kb_cause c811[] = {
    {.text = "The pre-shared key differs between client and server.",
     .on = VL_KB_ON_SECRET | VL_KB_ON_SERVER,
     .how = "vpnlint never reads secrets: re-enter the key on both ends.",
     .fix = "Set the same pre-shared key on client and server."},
};

static const vl_kb_cause c812[] = {
    {.text = "The NPS network policy requires an authentication method the client does not use "
             "(e.g. the policy wants PEAP with a certificate, the client sends EAP-MSCHAPv2).",
     .on = VL_KB_ON_SERVER | ON_CLIENT_FILES,
     .how = HOW_NPS_LOG " Reason 66 (IAS_INVALID_AUTH_TYPE) or 48 (no policy matched) confirms it; "
                        "the VPN server also logs event 20276.",
     .fix = "Make the client's EAP configuration match the constraints of the NPS network policy."},
    {.text = "The ServerNames in the EAP configuration name the VPN gateway instead of the NPS "
             "server, so the client refuses the NPS certificate.",
     .on = VL_KB_ON_PROFILE,
     .check = "PX110",
     .how = "PX110 cannot know the NPS certificate's name: if the NPS server really uses another "
            "name, this is the cause. A phonebook keeps the EAP settings in an opaque blob; check "
            "them in the connection's properties.",
     .fix = "Put the name on the NPS server's certificate into ServerNames (and its root into "
            "TrustedRootCA)."},
    {.text = "The EAP configuration is inconsistent: outer and inner EAP types disagree, PEAP has "
             "no inner method, or a phonebook entry's EAP bit, EAP method and EAP data disagree.",
     .on = ON_CLIENT_FILES,
     .check = "PX101 PX102 PBK033 PBK034 PBK035",
     .fix = "Export a working configuration with Get-VpnConnection and use its EapHostConfig; in "
            "a phonebook, set AuthRestrictions and CustomAuthKey to the same EAP method."},
    {.text = "The phonebook entry allows neither MS-CHAP v2 nor EAP, so it cannot offer what the "
             "policy requires.",
     .on = VL_KB_ON_PBK,
     .check = "PBK032",
     .fix = "Allow EAP (AuthRestrictions 128) with the EAP method the NPS policy expects."},
    {.text = "Conditional Access: the client presents a certificate that is not the Entra (AAD) "
             "Conditional Access certificate the NPS policy expects.",
     .on = VL_KB_ON_PROFILE,
     .check = "PX104 PX103",
     .fix = "Use certificate-based EAP and add the AAD Conditional Access EKU "
            "(1.3.6.1.4.1.311.87) filter to the EAP TLS configuration."},
};

static const vl_kb_cause c827[] = {
    {.text = "The IKE and AuthIP IPsec Keying Modules (IKEEXT) or Base Filtering Engine (BFE) "
             "service is missing, stopped or disabled.",
     .on = VL_KB_ON_DEVICE,
     .check = "DEV003 DEV002 DEV001",
     .how = HOW_SERVICES,
     .fix = "Set IKEEXT and BFE back to their default start type and start them (`Start-Service "
            "BFE,IKEEXT`); check whether a hardening baseline disabled them."},
};

static const vl_kb_cause c835[] = {
    {.text = "The name the client dials is not in the server certificate's subject or Subject "
             "Alternative Name.",
     .on = VL_KB_ON_CERT | VL_KB_ON_NETWORK,
     .check = "NET023",
     .how = HOW_NO_PROBE "Compare the server address in the connection (PhoneNumber / "
                         "NativeProfile/Servers) with the certificate's SAN (`certutil -dump "
                         "server.cer`).",
     .fix = "Dial the exact FQDN on the certificate, or reissue the certificate with that name."},
    {.text = "The server certificate lacks the Server Authentication EKU.",
     .on = VL_KB_ON_CERT,
     .check = "NET022",
     .how = HOW_NO_PROBE "Inspect the certificate's Enhanced Key Usage on the server.",
     .fix = "Reissue the certificate with Server Authentication (1.3.6.1.5.5.7.3.1)."},
    {.text = "The L2TP entry has no pre-shared key, so IPsec uses a machine certificate, while the "
             "server expects a pre-shared key.",
     .on = VL_KB_ON_PBK,
     .check = "PBK031",
     .fix = "Select 'Use preshared key for authentication' and enter the key the server uses."},
};

static const vl_kb_cause c853[] = {
    {.text = "The user's certificate store holds more than one client certificate and Windows "
             "picks one the server does not accept.",
     .on = VL_KB_ON_PROFILE | VL_KB_ON_CERT,
     .check = "PX114",
     .how = "PX114 reports certificate-based EAP without an issuer or EKU filter; how many "
            "certificates the user's store holds vpnlint cannot see (`certutil -user -store My`).",
     .fix = "Filter the certificate in the EAP TLS configuration (CAHashList with the issuing CA, "
            "or an EKU filter)."},
    {.text = "Conditional Access is enabled but the profile does not select the short-lived Entra "
             "(AAD) certificate.",
     .on = VL_KB_ON_PROFILE,
     .check = "PX104 PX103",
     .fix = "Use certificate-based EAP and add the AAD Conditional Access EKU filter "
            "(1.3.6.1.4.1.311.87)."},
    {.text = "Since February 2025 domain controllers enforce strong certificate mapping "
             "(KB5014754); user certificates without the SID extension or a strong mapping are "
             "refused.",
     .on = VL_KB_ON_CERT | VL_KB_ON_SERVER,
     .how = "The certificate's extensions and the directory are not visible to vpnlint. Check the "
            "certificate for the SID extension (1.3.6.1.4.1.311.25.2) and the NPS log: `vpnlint "
            "nps` shows the reject reason (e.g. 16 or 295-298).",
     .fix = "Reissue user certificates from a template that includes the SID, or add a strong "
            "altSecurityIdentities mapping."},
    {.text = "The user certificate is expired, revoked, or its CRL cannot be reached by NPS.",
     .on = VL_KB_ON_CERT | VL_KB_ON_SERVER,
     .how = HOW_CERT_STORE "Run `certutil -verify -urlfetch` on the certificate; NPS reasons "
                           "256-259 and 291 show revocation problems.",
     .fix = "Renew the certificate; publish the CRL where NPS can reach it."},
};

static const vl_kb_cause c858[] = {
    {.text = "The NPS server's certificate has expired.",
     .on = VL_KB_ON_CERT | VL_KB_ON_SERVER,
     .how = "A server certificate vpnlint does not see. Check the certificate NPS uses for "
            "PEAP/EAP-TLS (NPS console > Network Policies > Constraints > Authentication Methods "
            "> Edit).",
     .fix = "Renew the NPS certificate and select it in the network policy."},
};

static const vl_kb_cause c864[] = {
    {.text = "A TrustedRootCA thumbprint in the EAP configuration is not a valid SHA-1 "
             "thumbprint (often a hidden character pasted from the certificate dialog), so no "
             "root can ever match.",
     .on = VL_KB_ON_PROFILE,
     .check = "PX111 PX055",
     .fix = "Use the 40-hex-digit thumbprint of the root that issued the NPS certificate."},
    {.text = "The TrustedRootCA in the EAP configuration names a different root than the one at "
             "the top of the NPS certificate's chain, or that root is not in the client's Trusted "
             "Root store.",
     .on = VL_KB_ON_PROFILE | VL_KB_ON_CERT,
     .how = "vpnlint checks the form of the thumbprint (PX111), not which root it names. Compare "
            "the thumbprint in TrustedRootCA with the NPS certificate's root (`certutil -dump`), "
            "and look for that root in Local Computer\\Trusted Root Certification Authorities.",
     .fix =
         "Put the thumbprint of the NPS certificate's root CA into TrustedRootCA and deploy that "
         "root to the clients."},
    {.text = "PEAP-TLS: the outer PEAP and the inner EAP-TLS server validation list different "
             "roots or server names, typically after the NPS certificate moved to a new root and "
             "only one block was updated.",
     .on = VL_KB_ON_PROFILE,
     .check = "PX112",
     .fix = "Make both ServerValidation blocks list the same ServerNames and TrustedRootCA."},
    {.text = "The ServerNames in the EAP configuration name the VPN gateway, not the NPS server.",
     .on = VL_KB_ON_PROFILE,
     .check = "PX110",
     .how = "PX110 cannot know the NPS certificate's name: if the NPS server really uses another "
            "name, this is the cause.",
     .fix = "Put the name on the NPS server's certificate into ServerNames."},
    {.text = "The NPS server has no valid certificate with Server Authentication EKU.",
     .on = VL_KB_ON_CERT | VL_KB_ON_SERVER,
     .how = "A server certificate vpnlint does not see. Check the certificate selected in the NPS "
            "network policy's PEAP/EAP-TLS properties.",
     .fix = "Enroll a Server Authentication certificate on NPS and select it in the policy."},
};

static const vl_kb_cause c868[] = {
    CAUSE_MALFORMED_SERVER_NAME,
    {.text = "The server name has a typo or no public DNS record.",
     .on = VL_KB_ON_NETWORK,
     .check = "NET010",
     .how = "`vpnlint probe` resolves the name where it runs (NET010); run it, or `Resolve-DnsName "
            "SERVER`, from outside the "
            "corporate network with the name in NativeProfile/Servers (or PhoneNumber in the "
            "phonebook).",
     .fix = "Correct the server name, or publish the public DNS record."},
    {.text = "A name resolution policy (NRPT) rule for the internal namespace also covers the VPN "
             "server's name, so Windows asks internal DNS servers it cannot reach yet.",
     .on = VL_KB_ON_PROFILE | VL_KB_ON_NETWORK,
     .how = "No rule compares the NRPT with the server name yet: compare the "
            "DomainNameInformation/DomainName entries with the VPN server's FQDN, and run "
            "`Get-DnsClientNrptPolicy` on the client.",
     .fix = "Exempt the VPN server's name (add a DomainNameInformation entry for it without "
            "DnsServers) or use a name outside the internal namespace."},
};

static const vl_kb_entry ras_entries[] = {
    {"691", 691, true, "ERROR_AUTHENTICATION_FAILURE",
     "Access was denied because the username and/or password was invalid on the domain.",
     "The server (or the NPS server behind it) did not accept the credentials, or did not accept "
     "the way the client sent them.",
     NULL, "RasClient event 20227; connection dialog", VL_KB_CAUSES(c691)},
    {"786", 786, true, "ERROR_OAKLEY_NO_CERT",
     "The L2TP connection attempt failed because there is no valid machine certificate on your "
     "computer for security authentication.",
     "L2TP/IPsec with certificates: the client has no usable machine certificate.", NULL,
     "RasClient event 20227", VL_KB_CAUSES(c786)},
    {"787", 787, true, "ERROR_OAKLEY_AUTH_FAIL",
     "The L2TP connection attempt failed because the security layer could not authenticate the "
     "remote computer.",
     "L2TP/IPsec: the IPsec negotiation could not prove who the server is (key or certificate "
     "mismatch).",
     NULL, "RasClient event 20227", VL_KB_CAUSES(c787)},
    {"788", 788, true, "ERROR_OAKLEY_ATTRIB_FAIL",
     "The L2TP connection attempt failed because the security layer could not negotiate "
     "compatible parameters with the remote computer.",
     "L2TP/IPsec: client and server have no encryption settings in common.", NULL,
     "RasClient event 20227", VL_KB_CAUSES(c788)},
    {"789", 789, true, "ERROR_OAKLEY_GENERAL_PROCESSING",
     "The L2TP connection attempt failed because the security layer encountered a processing "
     "error during initial negotiations with the remote computer.",
     "L2TP/IPsec: the first IPsec (IKE) exchange failed, most often because of the pre-shared "
     "key, NAT, or the encryption proposals.",
     NULL, "RasClient event 20227; connection dialog", VL_KB_CAUSES(c789)},
    {"790", 790, true, "ERROR_OAKLEY_NO_PEER_CERT",
     "The L2TP connection attempt failed because certificate validation on the remote computer "
     "failed.",
     "L2TP/IPsec with certificates: the server rejected the client's certificate.", NULL,
     "RasClient event 20227", VL_KB_CAUSES(c790)},
    {"800", 800, true, "ERROR_AUTOMATIC_VPN_FAILED",
     "Unable to establish the VPN connection. The VPN server may be unreachable, or security "
     "parameters may not be configured properly for this connection.",
     "Windows tried every tunnel type (Automatic) and all failed; the real error is hidden.", NULL,
     "RasClient event 20227; connection dialog", VL_KB_CAUSES(c800)},
    {"806", 806, true, "ERROR_VPN_GRE_BLOCKED",
     "A connection between your computer and the VPN server has been started, but the VPN "
     "connection cannot be completed. The most common cause for this is that at least one "
     "Internet device (for example, a firewall or a router) between your computer and the VPN "
     "server is not configured to allow Generic Routing Encapsulation (GRE) protocol packets.",
     "PPTP: the control connection worked but the GRE data packets are blocked.", NULL,
     "RasClient event 20227", VL_KB_CAUSES(c806)},
    {"807", 807, true, "ERROR_VPN_DISCONNECT",
     "The network connection between your computer and the VPN server was interrupted. This can "
     "be caused by a problem in the VPN transmission and is commonly the result of internet "
     "latency or simply that your VPN server has reached capacity.",
     "The tunnel was up and then broke.", NULL, "RasClient event 20226/20227", VL_KB_CAUSES(c807)},
    {"808", 808, true, "ERROR_VPN_REFUSED",
     "The network connection between your computer and the VPN server could not be established "
     "because the remote server refused the connection. This is typically caused by a mismatch "
     "between the server's configuration and your connection settings.",
     "The server answered, but said no before authentication.", NULL, "RasClient event 20227",
     VL_KB_CAUSES(c808)},
    {"809", 809, true, "ERROR_VPN_TIMEOUT",
     "The network connection between your computer and the VPN server could not be established "
     "because the remote server is not responding. This could be because one of the network "
     "devices (for example, firewalls, NAT, routers) between your computer and the remote server "
     "is not configured to allow VPN connections.",
     "The client sent its first IKE packets and never got an answer: something between the "
     "client and the server (or the server itself) drops them.",
     NULL, "RasClient event 20227; connection dialog", VL_KB_CAUSES(c809)},
    {"810", 810, true, "ERROR_VPN_BAD_CERT",
     "A network connection between your computer and the VPN server was started, but the VPN "
     "connection was not completed. This is typically caused by the use of an incorrect or "
     "expired certificate for authentication between the client and the server.",
     "A certificate used to set up the tunnel is wrong or expired.", NULL, "RasClient event 20227",
     VL_KB_CAUSES(c810)},
    {"811", 811, true, "ERROR_VPN_BAD_PSK",
     "The network connection between your computer and the VPN server could not be established "
     "because the remote server is not responding. This is typically caused by a pre-shared key "
     "problem between the client and server.",
     "The pre-shared key does not match.", NULL, "RasClient event 20227", VL_KB_CAUSES(c811)},
    {"812", 812, true, "ERROR_SERVER_POLICY",
     "The connection was prevented because of a policy configured on your RAS/VPN server. "
     "Specifically, the authentication method used by the server to verify your username and "
     "password may not match the authentication method configured in your connection profile.",
     "The tunnel came up but the NPS policy refused how the client authenticated.", NULL,
     "RasClient event 20227; server event 20276", VL_KB_CAUSES(c812)},
    {"827", 827, true, "ERROR_IPSEC_SERVICE_STOPPED",
     "The L2TP/IPsec connection cannot be completed because the IKE and AuthIP IPSec Keying "
     "Modules service and/or the Base Filtering Engine service is not running. These services "
     "are required to establish an L2TP/IPSec connection.",
     "A Windows service that IPsec needs is not running on this computer.", NULL,
     "RasClient event 20227", VL_KB_CAUSES(c827)},
    {"835", 835, true, "ERROR_INVALID_SERVER_CERT",
     "The L2TP connection attempt failed because the security layer could not authenticate the "
     "remote computer. This could be because one or more fields of the certificate presented by "
     "the remote server could not be validated as belonging to the target destination.",
     "The server's certificate does not match the name dialled or is not a server certificate.",
     NULL, "RasClient event 20227", VL_KB_CAUSES(c835)},
    {"853", 853, true, "ERROR_EAP_USER_CERT_INVALID",
     "The remote access connection completed, but authentication failed because the certificate "
     "that authenticates the client to the server is not valid. Ensure that the certificate used "
     "for authentication is valid.",
     "The user's certificate was refused by the server (NPS).", NULL, "RasClient event 20227",
     VL_KB_CAUSES(c853)},
    {"858", 858, true, "ERROR_EAP_SERVER_CERT_EXPIRED",
     "The remote access connection completed, but authentication failed because the certificate "
     "that the client uses to authenticate the server is expired.",
     "The NPS server's certificate has expired.", NULL, "RasClient event 20227",
     VL_KB_CAUSES(c858)},
    {"864", 864, true, "ERROR_EAP_SERVER_ROOT_CERT_NOT_FOUND",
     "The remote access connection completed, but authentication failed because a trusted root "
     "certificate that validates the server certificate was not found in the Trusted Root "
     "Certification Authorities certificate store.",
     "The client does not trust the root CA of the NPS server's certificate (as configured in "
     "the EAP settings).",
     NULL, "RasClient event 20227", VL_KB_CAUSES(c864)},
    {"868", 868, true, "ERROR_DNSNAME_NOT_RESOLVABLE",
     "The remote connection was not made because the name of the remote access server did not "
     "resolve.",
     "DNS could not turn the VPN server's name into an address.", NULL,
     "RasClient event 20227; connection dialog", VL_KB_CAUSES(c868)},
};

const vl_kb_area vl_kb_area_ras = {"ras", "RAS / VPN client (raserror.h, 6xx-8xx)", ras_entries,
                                   VL_ARRAY_LEN(ras_entries)};
