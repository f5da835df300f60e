/* schema.c — the element table of schema.def and its enumerations. */
#include "model.h"

#include <stdio.h>
#include <string.h>

static const char *const vl_enum_routing[] = {"SplitTunnel", "ForceTunnel", NULL};
static const char *const vl_enum_direction[] = {"Outbound", "Inbound", NULL};
static const char *const vl_enum_protocol[] = {"PPTP", "L2TP",         "IKEv2", "Automatic",
                                               "SSTP", "ProtocolList", NULL};
static const char *const vl_enum_list_protocol[] = {"Pptp", "L2tp", "Ikev2", "Sstp", NULL};
static const char *const vl_enum_user_method[] = {"EAP", "MSChapv2", NULL};
static const char *const vl_enum_machine_method[] = {"Certificate", "EAP", "PresharedKey", NULL};
static const char *const vl_enum_data_encryption[] = {"None", "Require", "Max", "Optional", NULL};
static const char *const vl_enum_auth_transform[] = {
    "MD596", "SHA196", "SHA256128", "GCMAES128", "GCMAES192", "GCMAES256", NULL};
static const char *const vl_enum_cipher_transform[] = {
    "DES", "DES3", "AES128", "AES192", "AES256", "GCMAES128", "GCMAES192", "GCMAES256", NULL};
static const char *const vl_enum_pfs_group[] = {"None",   "PFS1",  "PFS2",  "PFS2048", "ECP256",
                                                "ECP384", "PFSMM", "PFS24", NULL};
static const char *const vl_enum_dh_group[] = {"None",   "Group1", "Group2",  "Group14",
                                               "ECP256", "ECP384", "Group24", NULL};
static const char *const vl_enum_integrity[] = {"MD5", "SHA196", "SHA256", "SHA384", NULL};
static const char *const vl_enum_encryption[] = {"DES",    "DES3",        "AES128",      "AES192",
                                                 "AES256", "AES_GCM_128", "AES_GCM_256", NULL};

const vl_px_def vl_px_defs[VL_PX__COUNT] = {
#define X(ID, PARENT, NAME, TYPE, MIN, MAX, BUILD, ENUM, LO, HI, FLAGS)                            \
    {VL_PX_##ID, VL_PX_##PARENT, NAME, VL_T_##TYPE, MIN, MAX, BUILD, ENUM, LO, HI, FLAGS},
#include "schema.def"
#undef X
};

const char *vl_px_def_path(int id, char *buf, size_t size)
{
    const vl_px_def *chain[16];
    int n = 0;
    for (int d = id; d >= 0 && d < VL_PX__COUNT && d != VL_PX_ROOT && n < 16;
         d = vl_px_defs[d].parent)
        chain[n++] = &vl_px_defs[d];
    size_t len = 0;
    buf[0] = '\0';
    if (n == 0)
        snprintf(buf, size, "VPNProfile");
    for (int k = n - 1; k >= 0; k--) {
        int w = snprintf(buf + len, size - len, "%s%s", len ? "/" : "", chain[k]->name);
        if (w < 0 || (size_t)w >= size - len)
            break;
        len += (size_t)w;
    }
    return buf;
}
