/* kb_cert.c — certificate HRESULTs (0x800B..., 0x8009...) and the HRESULT
 * Microsoft's Always On VPN troubleshooting page lists for RRAS certificates
 * (0x80070040). Names and texts: winerror.h. */
#include "kb/kb.h"

#define HOW_STORE                                                                                  \
    "A certificate-store fact: vpnlint's device checks do not read certificate stores. Run "       \
    "`certutil -verify -urlfetch CERT.cer` on the client for the certificate in question; it "     \
    "prints the chain, the trust decision and revocation."
#define HOW_SERVER_CERT                                                                            \
    "`vpnlint probe` reads the certificate the server presents over TLS (SSTP, TCP 443); "         \
    "the IKEv2 certificate travels in IKE_AUTH, which the probe never sends, but RRAS "            \
    "normally uses the same one. "

static const vl_kb_cause c80070040[] = {
    {.text = "The VPN server's IKEv2 (or SSTP) certificate does not have Server Authentication "
             "among its Enhanced Key Usages.",
     .on = VL_KB_ON_CERT,
     .check = "NET022",
     .how = HOW_SERVER_CERT "On the server run `certutil -v -store My` and read the EKU of the "
                            "certificate bound to IKEv2/SSTP.",
     .fix = "Reissue the certificate with Server Authentication (1.3.6.1.5.5.7.3.1) and bind it in "
            "Routing and Remote Access."},
    {.text = "No server authentication certificate is installed or bound on the RAS server at all.",
     .on = VL_KB_ON_CERT | VL_KB_ON_SERVER,
     .how = "A server setting vpnlint does not see. Routing and Remote Access > Properties > "
            "Security shows the certificate bound for SSTP; Get-RemoteAccess shows the one for "
            "IKEv2.",
     .fix = "Install a Server Authentication certificate and bind it."},
    {.text = "SSTP: a proxy or TLS-inspecting device between client and server resets the "
             "connection.",
     .on = VL_KB_ON_NETWORK,
     .how = "vpnlint cannot see the network path. Try from a network without the proxy; a capture "
            "shows the TLS handshake reset.",
     .fix = "Exempt the VPN server from TLS inspection."},
};

static const vl_kb_cause c800B0109[] = {
    {.text = "The client lacks the root CA of the presented certificate in its Trusted Root store "
             "(typical on non-domain-joined clients and with private CAs).",
     .on = VL_KB_ON_CERT,
     .check = "NET024",
     .how = HOW_STORE " NET024 (`vpnlint probe`) compares the root of the chain the server "
                      "presents over TLS with the profile's TrustedRootCA.",
     .fix = "Deploy the root CA certificate to the Trusted Root Certification Authorities store "
            "(machine store for device tunnel and IKE, user/machine for EAP)."},
    {.text = "The EAP configuration's TrustedRootCA thumbprint is malformed or missing, so the NPS "
             "certificate's root is never accepted.",
     .on = VL_KB_ON_PROFILE,
     .check = "PX111 PX055",
     .fix = "Use the 40-hex-digit SHA-1 thumbprint of the root CA."},
    {.text = "An intermediate CA certificate is missing, so the chain ends at an unknown root.",
     .on = VL_KB_ON_CERT,
     .how = HOW_STORE,
     .fix = "Install the intermediate CA on the client or send the full chain from the server."},
};

static const vl_kb_cause c800B0101[] = {
    {.text = "A certificate in the chain has expired: the VPN server's, the NPS server's, or the "
             "user's/device's own.",
     .on = VL_KB_ON_CERT,
     .check = "NET025",
     .how = HOW_STORE " Check NotAfter of each certificate in the chain.",
     .fix = "Renew the expired certificate (and make sure auto-enrollment renews it next time)."},
    {.text = "The client's clock is wrong, so valid certificates look expired or not yet valid.",
     .on = VL_KB_ON_DEVICE,
     .how = "No device check reads the clock. Compare the client's time with a reliable source "
            "(`w32tm /stripchart /computer:time.windows.com /samples:1`).",
     .fix = "Fix the time and time zone; let Windows Time synchronise."},
};

static const vl_kb_cause c800B010F[] = {
    {.text = "The name the client dials is not in the server certificate (SSTP/IKEv2): the profile "
             "uses an IP address, an alias or an internal name.",
     .on = VL_KB_ON_CERT | VL_KB_ON_PROFILE | VL_KB_ON_PBK,
     .check = "NET023",
     .how = HOW_SERVER_CERT "Compare NativeProfile/Servers (or PhoneNumber in the phonebook) with "
                            "the certificate's subject and SAN.",
     .fix = "Dial the exact FQDN on the certificate, or reissue the certificate with that name."},
    {.text = "The EAP ServerNames name the VPN gateway, not the NPS server, so the NPS "
             "certificate's name does not match.",
     .on = VL_KB_ON_PROFILE,
     .check = "PX110",
     .how = "PX110 cannot know the NPS certificate's name: if the NPS server really uses another "
            "name, this is the cause.",
     .fix = "Put the NPS certificate's name into ServerNames."},
};

static const vl_kb_cause c800B0110[] = {
    {.text = "The certificate lacks the EKU this use needs: Server Authentication on a VPN or NPS "
             "server certificate, Client Authentication on a user or device certificate.",
     .on = VL_KB_ON_CERT,
     .how = HOW_STORE " Read the Enhanced Key Usage line.",
     .fix = "Reissue the certificate from a template with the right EKU."},
};

static const vl_kb_cause c80092013[] = {
    {.text = "The CRL distribution point of the certificate cannot be reached from where it is "
             "checked (e.g. an internal-only CRL checked by a client outside, or by NPS).",
     .on = VL_KB_ON_CERT | VL_KB_ON_NETWORK,
     .how = HOW_STORE " `-urlfetch` shows which CRL URL fails.",
     .fix = "Publish the CRL at an address reachable from outside (HTTP), or fix the CDP in the "
            "CA."},
    {.text = "Conditional Access certificates from Entra (AAD) have no CRL, and NPS checks "
             "revocation.",
     .on = VL_KB_ON_SERVER,
     .how = "A registry value on the NPS server, which vpnlint does not see: "
            "HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\PPP\\EAP\\13 "
            "IgnoreNoRevocationCheck (and 25/26 if used).",
     .fix = "Set IgnoreNoRevocationCheck=1 for the EAP types in use on NPS."},
};

static const vl_kb_entry cert_entries[] = {
    {"0x80070040", 0x80070040u, true, "ERROR_NETNAME_DELETED",
     "The specified network name is no longer available.",
     "In Always On VPN this HRESULT means the server's certificate is not a Server "
     "Authentication certificate (Microsoft's troubleshooting page), even though the Windows "
     "text speaks of a network name.",
     "HRESULT_FROM_WIN32(ERROR_NETNAME_DELETED)", "RasClient event 20227", VL_KB_CAUSES(c80070040)},
    {"0x800B0109", 0x800B0109u, true, "CERT_E_UNTRUSTEDROOT",
     "A certificate chain processed, but terminated in a root certificate which is not trusted "
     "by the trust provider.",
     "A certificate was checked up to its root CA, and this computer does not trust that root.",
     NULL, "RasClient event 20227; EAP / SSTP errors", VL_KB_CAUSES(c800B0109)},
    {"0x800B0101", 0x800B0101u, true, "CERT_E_EXPIRED",
     "A required certificate is not within its validity period when verifying against the "
     "current system clock or the timestamp in the signed file.",
     "A certificate is expired (or not yet valid) according to this computer's clock.", NULL,
     "RasClient event 20227 (often printed as -2146762495)", VL_KB_CAUSES(c800B0101)},
    {"0x800B010F", 0x800B010Fu, true, "CERT_E_CN_NO_MATCH",
     "The certificate's CN name does not match the passed value.",
     "The server's certificate is for another name than the one the client expected.", NULL,
     "RasClient event 20227", VL_KB_CAUSES(c800B010F)},
    {"0x800B0110", 0x800B0110u, true, "CERT_E_WRONG_USAGE",
     "The certificate is not valid for the requested usage.",
     "The certificate is not made for this purpose (wrong Enhanced Key Usage).", NULL,
     "RasClient event 20227", VL_KB_CAUSES(c800B0110)},
    {"0x80092013", 0x80092013u, true, "CRYPT_E_REVOCATION_OFFLINE",
     "The revocation function was unable to check revocation because the revocation server was "
     "offline.",
     "Windows could not find out whether a certificate was revoked, so it refused it.", NULL,
     "RasClient event 20227; NPS events", VL_KB_CAUSES(c80092013)},
};

const vl_kb_area vl_kb_area_cert = {"cert", "Certificates (winerror.h HRESULTs)", cert_entries,
                                    VL_ARRAY_LEN(cert_entries)};
