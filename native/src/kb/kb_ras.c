/* kb_ras.c — RAS / VPN client error codes (raserror.h, 6xx-8xx).
 * Official texts: "Routing and Remote Access Error Codes" (raserror.h) and
 * Microsoft's "Troubleshoot Always On VPN"; causes from the runbooks
 * summarised in shared/reference/rasphone-pbk.md §3.7/§6.5 and profilexml.md
 * §5.6. A cause with check NULL must be checked by hand (`how`). */
#include "kb/kb.h"

/* Shared manual steps, so the same check reads the same everywhere. */
#define HOW_UDP_500_4500                                                                           \
    "Not testable from the profile alone: it depends on every firewall and NAT between client "    \
    "and server. `vpnlint probe PROFILE.xml` sends IKE_SA_INIT to UDP 500 and 4500 from where it " \
    "runs (no credentials); also take a packet capture (pktmon or Wireshark) on the client and "   \
    "on the server's outside interface (Test-NetConnection tests TCP only, so it cannot prove "    \
    "this)."
#define HOW_NPS_LOG                                                                                \
    "Decided on the server, not in the profile: run `vpnlint nps IN*.log --user NAME` on the NPS " \
    "accounting log and read the Reason-Code of the Access-Reject for this user."
#define HOW_NAT_T                                                                                  \
    "A registry value on the client (and on a Windows server behind NAT); vpnlint cannot read "    \
    "it yet. Run `reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\PolicyAgent /v "            \
    "AssumeUDPEncapsulationContextOnSendRule`; it must be 2 when client or server is behind NAT."
#define FIX_NAT_T                                                                                  \
    "Set AssumeUDPEncapsulationContextOnSendRule (REG_DWORD) to 2 under "                          \
    "HKLM\\SYSTEM\\CurrentControlSet\\Services\\PolicyAgent and restart the computer; re-apply "   \
    "after feature updates."

static const vl_kb_cause c691[] = {
    {"The user name or password is wrong, or Windows sent a stale saved credential.", NULL,
     HOW_NPS_LOG " Reason 16 (IAS_AUTH_FAILURE) means a bad password, 8 (IAS_NO_SUCH_USER) an "
                 "unknown account.",
     "Re-enter the credentials. If the connection keeps a saved password, clear it or delete and "
     "recreate the connection."},
    {"The authentication protocol the client offers is not allowed by the server or the NPS "
     "network policy (e.g. the client offers only MS-CHAPv2 and the policy requires EAP).",
     NULL,
     HOW_NPS_LOG " Reason 66 (IAS_INVALID_AUTH_TYPE) confirms it; then compare the phonebook's "
                 "AuthRestrictions or the ProfileXML's Authentication with the policy.",
     "Make the client and the NPS network policy agree on one method (for Always On VPN: EAP "
     "or PEAP with certificates)."},
    {"The account is disabled, expired, locked out, outside its logon hours or has no dial-in "
     "permission.",
     NULL, HOW_NPS_LOG " Reasons 34, 35, 36, 37 and 65 name each of these.",
     "Fix the account in Active Directory (enable, unlock, extend, or set Network Access "
     "Permission to 'Control access through NPS Network Policy')."},
    {"NPS cannot reach a domain controller to check the account.", NULL,
     HOW_NPS_LOG " Reasons 4, 5 and 261 mean the directory was unreachable.",
     "Restore NPS's connectivity to the domain controllers and global catalog; register NPS in "
     "Active Directory (netsh ras add registeredserver)."},
};

static const vl_kb_cause c786[] = {
    {"The L2TP connection is set to use a certificate but the computer has no valid machine "
     "certificate (Client Authentication EKU, private key, trusted chain) in Local Computer\\"
     "Personal.",
     NULL,
     "A certificate-store fact vpnlint cannot see yet (device checks are planned). Run "
     "`certutil -store My` as administrator and look for a certificate with Client "
     "Authentication, a private key and a chain to a root the server trusts.",
     "Enroll a machine certificate from a CA the VPN server trusts, or switch the connection to "
     "a pre-shared key if that is what the server expects."},
    {"The connection was meant to use a pre-shared key, but it is set to certificate "
     "authentication.",
     NULL,
     "In the phonebook entry, IpSecFlags=1 means a pre-shared key is used; in Windows settings "
     "check Advanced settings of the L2TP connection.",
     "Select 'Use preshared key for authentication' and enter the key the server uses."},
};

static const vl_kb_cause c787[] = {
    {"The pre-shared key on the client differs from the server's.", NULL,
     "vpnlint never reads secrets. Re-type the key on both ends and compare (watch for "
     "non-ASCII characters and trailing spaces).",
     "Set the same pre-shared key on client and server."},
    {"Certificate L2TP: the client does not trust the server's certificate (its root CA is "
     "missing on the client).",
     NULL,
     "Run `certutil -verify` on the server certificate from the client, or check that its root "
     "CA is in Local Computer\\Trusted Root Certification Authorities.",
     "Install the server's root CA on the client (machine store)."},
};

static const vl_kb_cause c788[] = {
    {"Client and server share no IPsec encryption or integrity algorithm; often the server "
     "offers only DES or MD5, which Windows removed.",
     NULL,
     "The server's proposals are not in any file vpnlint reads: check the server's IPsec "
     "settings, or the IKEEXT log (netsh wfp capture) on the client.",
     "Configure AES and SHA-1 or better on the server. Only as a stop-gap, "
     "AllowL2TPWeakCrypto=1 under HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Parameters "
     "re-enables the weak algorithms."},
};

static const vl_kb_cause c789[] = {
    {"The profile selects L2TP but carries no pre-shared key (or carries one while L2TP is not "
     "selected).",
     NULL,
     "vpnlint has no rule for this yet: look in NativeProfile for "
     "<NativeProtocolType>L2tp</NativeProtocolType> (or L2TP in ProtocolList) and check that "
     "<L2tpPsk> is present, or that a machine certificate is used instead.",
     "Add <L2tpPsk> for L2TP with a pre-shared key, or remove it."},
    {"The pre-shared key is wrong or differs from the server's.", NULL,
     "vpnlint never reads secrets. Re-enter the key on the client and compare it with the "
     "server's; avoid non-ASCII characters.",
     "Set the same pre-shared key on both ends."},
    {"Client or server is behind NAT and Windows' NAT-T value is not set.", NULL, HOW_NAT_T,
     FIX_NAT_T},
    {"The January 2022 cumulative updates (KB5009543, KB5009566) broke L2TP/IKE to non-Microsoft "
     "servers.",
     NULL, "Check installed updates: `Get-HotFix KB5009543,KB5009566,KB5010793,KB5010795`.",
     "Install the out-of-band fixes KB5010793 (Windows 10) or KB5010795 (Windows 11) or any "
     "later cumulative update."},
    {"The IKE and AuthIP IPsec Keying Modules (IKEEXT) or IPsec Policy Agent service is not "
     "running.",
     NULL, "Run `Get-Service IKEEXT,PolicyAgent,BFE` (device checks are planned).",
     "Set the services to their default start type and start them."},
};

static const vl_kb_cause c790[] = {
    {"The server cannot validate the client's machine certificate: its chain, EKU or validity "
     "is wrong, or the server lacks the client's root CA.",
     NULL,
     "Certificate stores are not in the profile. On the client run `certutil -store My` and on "
     "the server check that the issuing root is trusted.",
     "Issue the client certificate from a CA the server trusts, with Client Authentication EKU, "
     "and install the root on the server."},
};

static const vl_kb_cause c800[] = {
    {"The tunnel type is Automatic (phonebook VpnStrategy=0, ProfileXML NativeProtocolType "
     "Automatic) and every protocol failed, which hides the real error.",
     NULL, "Look at VpnStrategy in the phonebook entry or NativeProtocolType in the ProfileXML.",
     "Pin the protocol you use (e.g. IKEv2) and connect again: the error that follows names "
     "the real cause."},
    {"The VPN server cannot be reached on the tunnel's ports (UDP 500/4500 for IKEv2 and L2TP, "
     "TCP 443 for SSTP).",
     NULL, HOW_UDP_500_4500,
     "Allow UDP 500 and 4500 (and TCP 443 for SSTP) through every firewall to the server."},
    {"IKE certificates are missing or wrong on the client or the server.", NULL,
     "Pin the protocol first (see above); the specific error (13801, 13806) then says which "
     "certificate, and `vpnlint explain` explains it.",
     "Install the certificates this deployment needs on both ends."},
};

static const vl_kb_cause c806[] = {
    {"A firewall or router between client and server blocks GRE (IP protocol 47), which PPTP "
     "needs.",
     NULL,
     "Capture on the server's outside interface: TCP 1723 arrives but no GRE packets do. "
     "Network probes are planned, not yet available.",
     "Allow GRE, or better, stop using PPTP and move to IKEv2 or SSTP."},
};

static const vl_kb_cause c807[] = {
    {"The network path dropped the established tunnel: latency, loss, a changing network, or "
     "the server reached capacity.",
     NULL,
     "Look for RasClient 20226 events and the server's port usage; vpnlint cannot see the "
     "network path.",
     "Reconnect; if frequent, check the server's free ports and the client's network."},
    {"Fragmented packets are dropped on the path (MTU), which breaks the tunnel after setup.", NULL,
     "Ping the server with the do-not-fragment flag (`ping -f -l 1400 SERVER`) and lower the "
     "size until it passes.",
     "Fix the MTU or fragmentation filtering on the path; for IKEv2 enable IKE fragmentation "
     "on the server."},
};

static const vl_kb_cause c808[] = {
    {"The server refused the connection because its configuration does not match the client's: "
     "the protocol is not enabled on the server, or it has no free ports.",
     NULL,
     "Check on the server: Routing and Remote Access > Ports shows how many ports each "
     "protocol has and how many are in use.",
     "Enable the protocol (and enough ports) on the server, or pin the client to a protocol the "
     "server offers."},
};

static const vl_kb_cause c809[] = {
    {"UDP 500 or UDP 4500 is blocked by a firewall between client and server (or on the server "
     "itself).",
     "NET001", HOW_UDP_500_4500,
     "Allow UDP 500 and UDP 4500 from the client to the VPN server's outside interface on every "
     "firewall (client, network, server)."},
    {"L2TP/IPsec with client or server behind NAT, without Windows' NAT-T registry value.", NULL,
     HOW_NAT_T,
     FIX_NAT_T " Also make sure ProhibitIpSec is 0 under "
               "HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Parameters."},
    {"IKE packets are fragmented (large certificate chains) and a device on the path drops the "
     "fragments.",
     NULL,
     "In a packet capture, the client's IKE_AUTH packets leave as IP fragments and never get an "
     "answer.",
     "Enable IKEv2 fragmentation on the server (Windows Server 1803+: EnableServerFragmentation=1 "
     "under HKLM\\SYSTEM\\CurrentControlSet\\Services\\RemoteAccess\\Parameters\\Ikev2) and make "
     "sure the client does not set DisableIKEv2Fragmentation."},
    {"A firewall keeps a stale IKE session after the client roamed (IKEv2 mobility), so new "
     "attempts time out intermittently.",
     NULL,
     "Intermittent 809 after sleep or network changes points here; check the phonebook's "
     "DisableMobility and NetworkOutageTime.",
     "Set DisableMobility=1 and NetworkOutageTime=0 for the entry, or shorten the firewall's UDP "
     "session timeout."},
    {"The server does not answer at all: wrong server name or address, or the IKE service on "
     "the server is stopped.",
     NULL,
     "Check that the name in NativeProfile/Servers (or PhoneNumber in the phonebook) resolves to "
     "the server's public address, and that IKEEXT runs on the server.",
     "Correct the server name, or start the Remote Access and IKEEXT services on the server."},
};

static const vl_kb_cause c810[] = {
    {"The certificate used between client and server is wrong or expired (IKEv2 machine "
     "certificate or SSTP/IKE server certificate).",
     NULL,
     "Check the validity and EKU of the server certificate (`certutil -v -store My` on the "
     "server) and of the client machine certificate.",
     "Renew or replace the certificate; see 13801 and 13806 for the IKEv2 details."},
};

static const vl_kb_cause c811[] = {
    {"The pre-shared key differs between client and server.", NULL,
     "vpnlint never reads secrets: re-enter the key on both ends.",
     "Set the same pre-shared key on client and server."},
};

static const vl_kb_cause c812[] = {
    {"The NPS network policy requires an authentication method the client does not use (e.g. "
     "the policy wants PEAP with a certificate, the client sends EAP-MSCHAPv2).",
     NULL,
     HOW_NPS_LOG " Reason 66 (IAS_INVALID_AUTH_TYPE) or 48 (no policy matched) confirms it; the "
                 "VPN server also logs event 20276.",
     "Make the client's EAP configuration match the constraints of the NPS network policy."},
    {"The ServerNames in the EAP configuration name the VPN gateway instead of the NPS server, so "
     "the client refuses the NPS certificate.",
     NULL,
     "vpnlint has no rule for this yet: compare <ServerNames> in the EAP configuration with "
     "NativeProfile/Servers; if they are the same name, ServerNames most likely names the gateway, "
     "not the NPS server.",
     "Put the name on the NPS server's certificate into ServerNames (and its root into "
     "TrustedRootCA)."},
    {"The EAP configuration is inconsistent (outer and inner EAP types disagree).", NULL,
     "vpnlint has no rule for this yet: in the EAP configuration, <EapMethod><Type> must equal the "
     "outer <Eap><Type>, and PEAP (25) must contain an inner Eap of type 13 or 26.",
     "Export a working configuration with Get-VpnConnection and use its EapHostConfig."},
    {"Conditional Access: the client presents a certificate that is not the Entra (AAD) "
     "Conditional Access certificate the NPS policy expects.",
     NULL,
     "vpnlint has no rule for this yet: with <DeviceCompliance><Enabled>true</Enabled>, the EAP "
     "TLS part must have TLSExtensions/FilteringInfo with an EKUMap for 1.3.6.1.4.1.311.87 "
     "referenced from ClientAuthEKUList/EKUMapInList.",
     "Add the AAD Conditional Access EKU (1.3.6.1.4.1.311.87) filter to the EAP TLS "
     "configuration."},
};

static const vl_kb_cause c827[] = {
    {"The IKE and AuthIP IPsec Keying Modules (IKEEXT) or Base Filtering Engine (BFE) service is "
     "stopped or disabled.",
     NULL,
     "A service state vpnlint cannot read yet (device checks are planned). Run `Get-Service "
     "IKEEXT,BFE` as administrator.",
     "Set IKEEXT and BFE back to Automatic and start them (`Start-Service BFE,IKEEXT`); check "
     "whether a hardening baseline disabled them."},
};

static const vl_kb_cause c835[] = {
    {"The name the client dials is not in the server certificate's subject or Subject "
     "Alternative Name.",
     NULL,
     "Compare the server address in the connection (PhoneNumber / NativeProfile/Servers) with "
     "the certificate's SAN (`certutil -dump server.cer`).",
     "Dial the exact FQDN on the certificate, or reissue the certificate with that name."},
    {"The server certificate lacks the Server Authentication EKU.", NULL,
     "Inspect the certificate's Enhanced Key Usage on the server.",
     "Reissue the certificate with Server Authentication (1.3.6.1.5.5.7.3.1)."},
};

static const vl_kb_cause c853[] = {
    {"The user's certificate store holds more than one client certificate and Windows picks one "
     "the server does not accept.",
     NULL,
     "vpnlint has no rule for this yet: look in the EAP TLS configuration for "
     "TLSExtensions/FilteringInfo (CAHashList or an EKU filter); without one, Windows may pick any "
     "client certificate in the user's store. `certutil -user -store My` shows how many there are.",
     "Filter the certificate in the EAP TLS configuration (CAHashList with the issuing CA, or "
     "an EKU filter)."},
    {"Conditional Access is enabled but the profile does not select the short-lived Entra "
     "(AAD) certificate.",
     NULL,
     "vpnlint has no rule for this yet: with <DeviceCompliance><Enabled>true</Enabled>, the EAP "
     "TLS part must have TLSExtensions/FilteringInfo with an EKUMap for 1.3.6.1.4.1.311.87 "
     "referenced from ClientAuthEKUList/EKUMapInList.",
     "Add the AAD Conditional Access EKU filter (1.3.6.1.4.1.311.87)."},
    {"Since February 2025 domain controllers enforce strong certificate mapping (KB5014754); "
     "user certificates without the SID extension or a strong mapping are refused.",
     NULL,
     "Check the certificate for the SID extension (1.3.6.1.4.1.311.25.2) and the NPS log: "
     "`vpnlint nps` shows the reject reason (e.g. 16 or 295-298).",
     "Reissue user certificates from a template that includes the SID, or add a strong "
     "altSecurityIdentities mapping."},
    {"The user certificate is expired, revoked, or its CRL cannot be reached by NPS.", NULL,
     "Run `certutil -verify -urlfetch` on the certificate; NPS reasons 256-259 and 291 show "
     "revocation problems.",
     "Renew the certificate; publish the CRL where NPS can reach it."},
};

static const vl_kb_cause c858[] = {
    {"The NPS server's certificate has expired.", NULL,
     "Check the certificate NPS uses for PEAP/EAP-TLS (NPS console > Network Policies > "
     "Constraints > Authentication Methods > Edit).",
     "Renew the NPS certificate and select it in the network policy."},
};

static const vl_kb_cause c864[] = {
    {"The TrustedRootCA thumbprint in the EAP configuration is not a valid SHA-1 thumbprint, "
     "so no root can ever match.",
     NULL,
     "vpnlint has no rule for this yet: each <TrustedRootCA> must hold 40 hexadecimal digits "
     "(spaces allowed) once spaces are removed.",
     "Use the 40-hex-digit thumbprint of the root that issued the NPS certificate."},
    {"The TrustedRootCA in the EAP configuration names a different root than the one at the top "
     "of the NPS certificate's chain, or that root is not in the client's Trusted Root store.",
     NULL,
     "Compare the thumbprint in TrustedRootCA with the NPS certificate's root (`certutil -dump`), "
     "and look for that root in Local Computer\\Trusted Root Certification Authorities.",
     "Put the thumbprint of the NPS certificate's root CA into TrustedRootCA and deploy that root "
     "to the clients."},
    {"The NPS server has no valid certificate with Server Authentication EKU.", NULL,
     "Check the certificate selected in the NPS network policy's PEAP/EAP-TLS properties.",
     "Enroll a Server Authentication certificate on NPS and select it in the policy."},
};

static const vl_kb_cause c868[] = {
    {"The VPN server's name does not resolve: a typo in the server name or a missing public DNS "
     "record.",
     NULL,
     "Run `Resolve-DnsName SERVER` from outside the corporate network with the name in "
     "NativeProfile/Servers (or PhoneNumber in the phonebook).",
     "Correct the server name, or publish the public DNS record."},
    {"A name resolution policy (NRPT) rule for the internal namespace also covers the VPN "
     "server's name, so Windows asks internal DNS servers it cannot reach yet.",
     NULL,
     "Compare the DomainNameInformation/DomainName entries with the VPN server's FQDN; run "
     "`Get-DnsClientNrptPolicy`.",
     "Exempt the VPN server's name (add a DomainNameInformation entry for it without DnsServers) "
     "or use a name outside the internal namespace."},
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
