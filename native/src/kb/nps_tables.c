/* nps_tables.c — NPS Reason-Code, Authentication-Type and Packet-Type values.
 * The full NPS reason-code table (Microsoft, "NPS Reason Codes" 0-302), the
 * IAS_* names of sdoias.h where we could confirm one (NULL otherwise), and each
 * meaning in our own plain words. */
#include "kb/kb.h"

typedef struct reason {
    int code;
    const char *name;
    const char *text;
} reason;

static const reason reasons[] = {
    {0, "IAS_SUCCESS", "accepted: NPS authenticated and authorised the request"},
    {1, "IAS_INTERNAL_ERROR", "NPS itself failed while processing the request"},
    {2, "IAS_ACCESS_DENIED", "NPS lacks the access rights to process the request"},
    {3, "IAS_MALFORMED_REQUEST", "the RADIUS Access-Request from the VPN server was malformed"},
    {4, "IAS_GLOBAL_CATALOG_UNAVAILABLE", "NPS could not reach an Active Directory global catalog"},
    {5, "IAS_DOMAIN_UNAVAILABLE", "NPS could not reach a domain controller of the user's domain"},
    {6, "IAS_SERVER_UNAVAILABLE", "the NPS server is unavailable (e.g. overloaded)"},
    {7, "IAS_NO_SUCH_DOMAIN", "the domain in the user name does not exist"},
    {8, "IAS_NO_SUCH_USER", "the user account does not exist"},
    {9, NULL, "a third-party extension DLL discarded the request"},
    {10, NULL, "a third-party extension DLL failed"},
    {16, "IAS_AUTH_FAILURE",
     "authentication failed: wrong user name or password, or a credential mismatch"},
    {17, "IAS_CHANGE_PASSWORD_FAILURE", "changing the password failed"},
    {18, "IAS_UNSUPPORTED_AUTH_TYPE", "the authentication method the client used is not supported"},
    {19, NULL, "CHAP needs a reversibly encrypted password, and none is stored for the account"},
    {20, NULL, "LAN Manager authentication is not enabled"},
    {21, NULL, "an NPS extension DLL (e.g. the MFA extension) rejected the request"},
    {22, NULL, "the server cannot process the client's EAP type (EAP method mismatch)"},
    {23, NULL,
     "unexpected error, probably a client or server configuration error (often a certificate "
     "problem in EAP)"},
    {32, "IAS_LOCAL_USERS_ONLY", "NPS is set to accept local accounts only"},
    {33, "IAS_PASSWORD_MUST_CHANGE", "the user must change the password first"},
    {34, "IAS_ACCOUNT_DISABLED", "the user account is disabled"},
    {35, "IAS_ACCOUNT_EXPIRED", "the user account has expired"},
    {36, "IAS_ACCOUNT_LOCKED_OUT", "the user account is locked out"},
    {37, "IAS_INVALID_LOGON_HOURS", "the account may not log on at this time"},
    {38, "IAS_ACCOUNT_RESTRICTION", "an account restriction prevents the logon"},
    {48, "IAS_NO_POLICY_MATCH",
     "no network policy matched the request (conditions or order of policies)"},
    {49, NULL, "no connection request policy matched the request"},
    {64, "IAS_DIALIN_LOCKED_OUT", "remote access lockout: too many failed attempts"},
    {65, "IAS_DIALIN_DISABLED", "the account's network access permission is set to deny"},
    {66, "IAS_INVALID_AUTH_TYPE",
     "the client used an authentication method the matching network policy does not allow"},
    {67, "IAS_INVALID_CALLING_STATION", "the calling station ID is not allowed by the policy"},
    {68, "IAS_INVALID_DIALIN_HOURS", "the policy does not allow access at this time"},
    {69, "IAS_INVALID_CALLED_STATION", "the called station ID is not allowed by the policy"},
    {70, "IAS_INVALID_PORT_TYPE",
     "the NAS port type (e.g. Virtual for VPN) is not allowed by the policy"},
    {71, "IAS_INVALID_RESTRICTION", "a policy restriction is not met"},
    {72, NULL, "password change is not enabled in the matching policy"},
    {73, NULL,
     "the certificate's Enhanced Key Usage does not meet the policy (missing or not allowed)"},
    {80, "IAS_NO_RECORD", "NPS could not write the accounting record"},
    {96, "IAS_SESSION_TIMEOUT", "the session timed out"},
    {97, "IAS_UNEXPECTED_REQUEST", "the request was not expected at this point"},
    {112, NULL, "the remote RADIUS server did not process the request"},
    {113, NULL, "the NPS proxy's remote RADIUS server group does not exist"},
    {114, NULL, "the NPS proxy's remote RADIUS server is unknown"},
    {115, NULL,
     "the NPS proxy did not forward the message (not a connection or accounting request)"},
    {116, NULL, "the NPS proxy could not send the request to the remote RADIUS server"},
    {117, NULL, "the remote RADIUS server did not answer"},
    {118, NULL, "the remote RADIUS server's answer was malformed"},
    {256, NULL, "the client's certificate is revoked"},
    {257, NULL, "NPS cannot check revocation (revocation component missing)"},
    {258, NULL, "NPS could not check the certificate's revocation"},
    {259, NULL, "the CRL server is offline, so revocation could not be checked"},
    {260, NULL, "the EAP message was altered"},
    {261, NULL, "NPS could not reach AD DS or the local account database"},
    {262, NULL, "the message was incomplete; the signature was not verified"},
    {263, NULL, "NPS did not receive complete credentials"},
    {264, NULL, "the clocks of NPS and the client differ too much"},
    {265, NULL, "the client's certificate chains to a root NPS does not trust"},
    {266, NULL, "the message was unexpected or badly formatted"},
    {267, NULL, "the client's certificate lacks the Client Authentication purpose"},
    {268, NULL, "the client's certificate has expired"},
    {269, NULL, "NPS and the client share no TLS algorithm"},
    {270, NULL, "the policy requires a smart card, the user used other credentials"},
    {271, NULL, "NPS was shutting down or restarting"},
    {272, NULL, "the certificate maps to more than one account"},
    {273, NULL, "Windows trust verification: unknown trust provider"},
    {274, NULL, "Windows trust verification: action not supported by the trust provider"},
    {275, NULL, "Windows trust verification: subject form not supported"},
    {276, NULL, "the binary calling EAP is not trusted"},
    {277, NULL, "the binary calling EAP is not signed"},
    {278, NULL, "a certificate in the chain has expired"},
    {279, NULL, "the validity periods in the certificate chain do not nest"},
    {280, NULL, "a certificate in the chain is not a valid CA certificate"},
    {281, NULL, "the chain exceeds its path length constraint"},
    {282, NULL, "the certificate has a critical extension NPS does not know"},
    {283, NULL, "the certificate lacks the Client Authentication application policy"},
    {284, NULL, "the issuer and the parent certificate in the chain do not match"},
    {285, NULL, "the certificate is missing or malformed"},
    {286, NULL, "the client's certificate was issued by a CA NPS does not trust"},
    {287, NULL, "the certificate does not chain to an enterprise root NPS trusts"},
    {288, NULL, "unspecified certificate trust failure"},
    {289, NULL, "the client's certificate is revoked"},
    {290, NULL, "a test certificate is used and its test root is not trusted"},
    {291, NULL, "NPS could not reach the CRL to check revocation"},
    {292, NULL, "the User-Name does not match the certificate's common name"},
    {293, NULL, "the certificate lacks the Client Authentication purpose (EKU)"},
    {294, NULL, "the certificate was explicitly marked untrusted by an administrator"},
    {295, NULL, "the certificate was issued by a CA NPS does not trust"},
    {296, NULL, "the certificate lacks the Client Authentication purpose (policy)"},
    {297, NULL, "the certificate has no valid name"},
    {298, NULL, "the certificate has no valid UPN, or the User-Name does not match it"},
    {299, NULL, "message verification failed: information out of sequence"},
    {300, NULL, "EAP found no credential information in the certificate"},
    {301, NULL, "the client's PEAP cryptobinding was invalid (possible man-in-the-middle)"},
    {302, NULL, "the client sent no PEAP cryptobinding although it is required"},
};

static const reason *find_reason(int code)
{
    for (size_t i = 0; i < VL_ARRAY_LEN(reasons); i++)
        if (reasons[i].code == code)
            return &reasons[i];
    return NULL;
}

const char *vl_nps_reason_name(int code)
{
    const reason *r = find_reason(code);
    return r ? r->name : NULL;
}

const char *vl_nps_reason_text(int code)
{
    const reason *r = find_reason(code);
    return r ? r->text : NULL;
}

size_t vl_nps_reason_count(void)
{
    return VL_ARRAY_LEN(reasons);
}

int vl_nps_reason_code_at(size_t i)
{
    return i < VL_ARRAY_LEN(reasons) ? reasons[i].code : -1;
}

VPNLINT_EXTERN(const char *) vpnlint_nps_reason_text(int reason_code)
{
    const char *t = vl_nps_reason_text(reason_code);
    return t ? t : "";
}

const char *vl_nps_auth_type_name(int code)
{
    static const char *const names[] = {NULL,
                                        "PAP",
                                        "CHAP",
                                        "MS-CHAP v1",
                                        "MS-CHAP v2",
                                        "EAP",
                                        "ARAP",
                                        "Unauthenticated",
                                        "Extension",
                                        "MS-CHAP v1 CPW",
                                        "MS-CHAP v2 CPW",
                                        "PEAP"};
    if (code < 0 || (size_t)code >= VL_ARRAY_LEN(names))
        return NULL;
    return names[code];
}

const char *vl_nps_packet_type_name(int code)
{
    switch (code) {
    case 1:
        return "Access-Request";
    case 2:
        return "Access-Accept";
    case 3:
        return "Access-Reject";
    case 4:
        return "Accounting-Request";
    case 5:
        return "Accounting-Response";
    case 11:
        return "Access-Challenge";
    case 12:
        return "Status-Server";
    case 13:
        return "Status-Client";
    default:
        return NULL;
    }
}
