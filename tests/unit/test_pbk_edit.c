/* test_pbk_edit.c — the phonebook editor: a set/unset changes exactly the
 * expected lines (compared with expected bytes), new keys go to their
 * canonical position, blobs re-wrap at 128, multilink addressing, refusals
 * (ambiguous names/keys, conflicts, bad values), secrets masked, write with
 * backup and restore. */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "pbk/edit.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------- helpers */

static vpnlint_pbk *open_str(const char *s)
{
    vpnlint_pbk *h = NULL;
    assert_int_equal(vpnlint_pbk_open_buffer(&h, s, strlen(s)), 0);
    return h;
}

static void assert_bytes(const vpnlint_pbk *h, const char *want)
{
    const void *data;
    size_t len;
    assert_int_equal(vpnlint_pbk_bytes(&data, &len, h), 0);
    if (len != strlen(want) || memcmp(data, want, len) != 0)
        fail_msg(
            "edited bytes differ.\n--- got (%zu bytes) ---\n%.*s\n--- want (%zu bytes) ---\n%s",
            len, (int)len, (const char *)data, strlen(want), want);
}

static void write_file(const char *path, const char *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(s, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

static char *slurp(const char *path, size_t *n)
{
    unsigned char *d;
    if (vl_pbk_read(path, &d, n) != 0)
        return NULL;
    return (char *)d;
}

static char *make_tmpdir(void)
{
    char *t = malloc(512);
    assert_int_equal(tu_make_temp_dir(t, 512, "vpnlint-pbk-edit"), 0);
    return t;
}

static void rm_tree(const char *dir)
{
    tu_remove_dir(dir);
}

static size_t count_files(const char *dir)
{
    char **names;
    size_t n = tu_list_dir(dir, &names);
    tu_free_names(names, n);
    return n;
}

/* A compact Windows-style entry (CRLF). */
#define E_HEAD "[Contoso VPN]\r\nEncoding=1\r\nPBVersion=8\r\nType=2\r\n"
#define E_MID                                                                                      \
    "VpnStrategy=7\r\nDataEncryption=256\r\nCustomAuthKey=25\r\n"                                  \
    "AuthRestrictions=128\r\nIpInterfaceMetric=0\r\nDisableClassBasedDefaultRoute=0\r\n"           \
    "NetworkOutageTime=0\r\nPreSharedKey=\r\n"
#define E_TAIL                                                                                     \
    "\r\nNETCOMPONENTS=\r\nms_msclient=1\r\nms_server=1\r\n\r\nMEDIA=rastapi\r\nPort=VPN2-0\r\n"   \
    "Device=WAN Miniport (IKEv2)\r\n\r\nDEVICE=vpn\r\nPhoneNumber=vpn.contoso.com\r\n"             \
    "AreaCode=\r\nCountryCode=0\r\nCountryID=0\r\nUseDialingRules=0\r\nComment=\r\n"               \
    "FriendlyName=\r\nLastSelectedPhone=0\r\nPromoteAlternates=0\r\nTryNextAlternateOnFail=1\r\n"  \
    "\r\n"
#define ENTRY E_HEAD E_MID E_TAIL
#define OTHER "[Other]\r\nType=2\r\nVpnStrategy=5\r\n\r\n"

/* ------------------------------------------------------------ tests */

static void test_set_in_place(void **state)
{
    (void)state;
    vpnlint_pbk *h = open_str(OTHER ENTRY);
    assert_int_equal(vpnlint_pbk_set(h, "Contoso VPN", "VpnStrategy", "14", -1, -1, -1), 0);
    assert_bytes(h, OTHER E_HEAD "VpnStrategy=14\r\nDataEncryption=256\r\nCustomAuthKey=25\r\n"
                                 "AuthRestrictions=128\r\nIpInterfaceMetric=0\r\n"
                                 "DisableClassBasedDefaultRoute=0\r\nNetworkOutageTime=0\r\n"
                                 "PreSharedKey=\r\n" E_TAIL);
    /* the other entry's VpnStrategy is untouched; a second edit composes */
    assert_int_equal(vpnlint_pbk_set(h, "Contoso VPN", "IpInterfaceMetric", "3", -1, -1, -1), 0);
    char *diff = NULL;
    assert_int_equal(vpnlint_pbk_diff(&diff, h), 0);
    assert_non_null(strstr(diff, "-VpnStrategy=7\n+VpnStrategy=14\n"));
    assert_non_null(strstr(diff, "-IpInterfaceMetric=0\n+IpInterfaceMetric=3\n"));
    assert_null(strstr(diff, "VpnStrategy=5"));
    assert_non_null(strstr(diff, "@@ -6,"));
    vpnlint_free(diff);
    /* setting the same value again changes nothing */
    vpnlint_pbk_free(h);
    h = open_str(ENTRY);
    assert_int_equal(vpnlint_pbk_set(h, "Contoso VPN", "Type", "2", -1, -1, -1), 0);
    assert_bytes(h, ENTRY);
    assert_int_equal(vpnlint_pbk_diff(&diff, h), 0);
    assert_string_equal(diff, "");
    vpnlint_free(diff);
    /* a key added and removed again leaves nothing to show */
    assert_int_equal(vpnlint_pbk_set(h, "Contoso VPN", "RedialAttempts", "3", -1, -1, -1), 0);
    assert_int_equal(vpnlint_pbk_diff(&diff, h), 0);
    assert_non_null(strstr(diff, "+RedialAttempts=3\n"));
    vpnlint_free(diff);
    assert_int_equal(vpnlint_pbk_unset(h, "Contoso VPN", "RedialAttempts", -1, -1, -1), 0);
    assert_bytes(h, ENTRY);
    assert_int_equal(vpnlint_pbk_diff(&diff, h), 0);
    assert_string_equal(diff, "");
    vpnlint_free(diff);
    vpnlint_pbk_free(h);
}

static void test_set_canonical_position(void **state)
{
    (void)state;
    vpnlint_pbk *h = open_str(ENTRY);
    /* DisableMobility goes between DisableClassBasedDefaultRoute and NetworkOutageTime */
    assert_int_equal(vpnlint_pbk_set(h, "Contoso VPN", "DisableMobility", "1", -1, -1, -1), 0);
    /* UseRasCredentials goes after Type (before VpnStrategy) */
    assert_int_equal(vpnlint_pbk_set(h, "Contoso VPN", "UseRasCredentials", "0", -1, -1, -1), 0);
    /* an unknown key goes after the last entry-level key, before the blank line */
    assert_int_equal(vpnlint_pbk_set(h, "Contoso VPN", "FutureKey", "x y", -1, -1, -1), 0);
    /* a MEDIA key and a PhoneNumber-group key land in their subsections */
    assert_int_equal(vpnlint_pbk_unset(h, "Contoso VPN", "Comment", -1, -1, -1), 0);
    assert_int_equal(vpnlint_pbk_set(h, "Contoso VPN", "Comment", "HQ", -1, -1, -1), 0);
    assert_bytes(h, E_HEAD "UseRasCredentials=0\r\nVpnStrategy=7\r\nDataEncryption=256\r\n"
                           "CustomAuthKey=25\r\nAuthRestrictions=128\r\nIpInterfaceMetric=0\r\n"
                           "DisableClassBasedDefaultRoute=0\r\nDisableMobility=1\r\n"
                           "NetworkOutageTime=0\r\nPreSharedKey=\r\nFutureKey=x y\r\n"
                           "\r\nNETCOMPONENTS=\r\nms_msclient=1\r\nms_server=1\r\n\r\n"
                           "MEDIA=rastapi\r\nPort=VPN2-0\r\nDevice=WAN Miniport (IKEv2)\r\n\r\n"
                           "DEVICE=vpn\r\nPhoneNumber=vpn.contoso.com\r\nAreaCode=\r\n"
                           "CountryCode=0\r\nCountryID=0\r\nUseDialingRules=0\r\nComment=HQ\r\n"
                           "FriendlyName=\r\nLastSelectedPhone=0\r\nPromoteAlternates=0\r\n"
                           "TryNextAlternateOnFail=1\r\n\r\n");
    vpnlint_pbk_free(h);

    /* LF files get LF lines; an append after a last line without a newline
     * gives that line one and keeps "no final newline" */
    h = open_str("[a]\nType=2\nMEDIA=rastapi\nPort=VPN2-0\nDEVICE=vpn\nPhoneNumber=h");
    assert_int_equal(vpnlint_pbk_set(h, "a", "Encoding", "1", -1, -1, -1), 0);
    assert_int_equal(vpnlint_pbk_set(h, "a", "TryNextAlternateOnFail", "1", -1, -1, -1), 0);
    assert_bytes(h, "[a]\nEncoding=1\nType=2\nMEDIA=rastapi\nPort=VPN2-0\nDEVICE=vpn\n"
                    "PhoneNumber=h\nTryNextAlternateOnFail=1");
    assert_int_equal(vpnlint_pbk_set(h, "a", "Device", "WAN Miniport (IKEv2)", -1, -1, -1), 0);
    assert_bytes(h, "[a]\nEncoding=1\nType=2\nMEDIA=rastapi\nPort=VPN2-0\n"
                    "Device=WAN Miniport (IKEv2)\nDEVICE=vpn\nPhoneNumber=h\n"
                    "TryNextAlternateOnFail=1");
    vpnlint_pbk_free(h);
}

static void test_blob_rewrap(void **state)
{
    (void)state;
    char l1[200], l2[200];
    memset(l1, 0, sizeof l1);
    memset(l2, 0, sizeof l2);
    for (int i = 0; i < 128; i++) {
        l1[i] = "0123456789ABCDEF"[i % 16];
        l2[i] = "FEDCBA9876543210"[i % 16];
    }
    char in[2048];
    snprintf(in, sizeof in,
             "[b]\r\nCustomAuthKey=25\r\nCustomAuthData=%s\r\nCustomAuthData=%s\r\n"
             "CustomAuthData=ABCD\r\nAuthRestrictions=128\r\n",
             l1, l2);
    vpnlint_pbk *h = open_str(in);
    char get_want[512];
    snprintf(get_want, sizeof get_want, "%s%sABCD\n", l1, l2);
    char *got = NULL;
    assert_int_equal(vpnlint_pbk_get(&got, h, "b", "CustomAuthData", -1, -1, -1), 0);
    assert_string_equal(got, get_want);
    vpnlint_free(got);
    /* 300 lowercase hex digits -> 128 + 128 + 44, upper case */
    char val[301], up[301];
    for (int i = 0; i < 300; i++) {
        val[i] = "0123456789abcdef"[(i * 7) % 16];
        up[i] = "0123456789ABCDEF"[(i * 7) % 16];
    }
    val[300] = up[300] = 0;
    assert_int_equal(vpnlint_pbk_set(h, "b", "CustomAuthData", val, -1, -1, -1), 0);
    char want[2048];
    snprintf(want, sizeof want,
             "[b]\r\nCustomAuthKey=25\r\nCustomAuthData=%.128s\r\nCustomAuthData=%.128s\r\n"
             "CustomAuthData=%.44s\r\nAuthRestrictions=128\r\n",
             up, up + 128, up + 256);
    assert_bytes(h, want);
    /* unset removes every line of the blob */
    assert_int_equal(vpnlint_pbk_unset(h, "b", "CustomAuthData", -1, -1, -1), 0);
    assert_bytes(h, "[b]\r\nCustomAuthKey=25\r\nAuthRestrictions=128\r\n");
    /* a new blob goes after its canonical predecessor */
    assert_int_equal(vpnlint_pbk_set(h, "b", "CustomAuthData", "00ff", -1, -1, -1), 0);
    assert_bytes(h, "[b]\r\nCustomAuthKey=25\r\nCustomAuthData=00FF\r\nAuthRestrictions=128\r\n");
    /* not hex / odd length: refused */
    assert_int_equal(vpnlint_pbk_set(h, "b", "CustomAuthData", "00fg", -1, -1, -1),
                     VPNLINT_EINVALID);
    assert_int_equal(vpnlint_pbk_set(h, "b", "NrptRules", "ABC", -1, -1, -1), VPNLINT_EINVALID);
    vpnlint_pbk_free(h);
}

static const char multilink[] =
    "[Multi]\r\nType=1\r\n\r\nMEDIA=rastapi\r\nPort=COM1\r\nDevice=Modem A\r\n\r\n"
    "DEVICE=modem\r\nPhoneNumber=5550100\r\nComment=first\r\nPhoneNumber=5550101\r\n"
    "Comment=alt\r\nLastSelectedPhone=0\r\n\r\nMEDIA=rastapi\r\nPort=COM2\r\n"
    "Device=Modem B\r\n\r\nDEVICE=modem\r\nPhoneNumber=5550200\r\nLastSelectedPhone=0\r\n";

static void test_multilink_addressing(void **state)
{
    (void)state;
    vpnlint_pbk *h = open_str(multilink);
    assert_int_equal(vpnlint_pbk_set(h, "Multi", "Port", "COM9", -1, -1, -1), VPNLINT_EAMBIGUOUS);
    assert_non_null(strstr(vpnlint_error_last(), "--media"));
    assert_int_equal(vpnlint_pbk_set(h, "Multi", "PhoneNumber", "1", 0, -1, -1),
                     VPNLINT_EAMBIGUOUS);
    assert_bytes(h, multilink); /* refusals change nothing */
    assert_int_equal(vpnlint_pbk_set(h, "Multi", "Port", "COM9", 1, -1, -1), 0);
    assert_int_equal(vpnlint_pbk_set(h, "Multi", "PhoneNumber", "5550199", 0, 0, 1), 0);
    assert_int_equal(vpnlint_pbk_set(h, "Multi", "AreaCode", "030", 1, 0, 0), 0);
    assert_int_equal(vpnlint_pbk_set(h, "Multi", "PromoteAlternates", "1", 0, 0, -1), 0);
    assert_bytes(h, "[Multi]\r\nType=1\r\n\r\nMEDIA=rastapi\r\nPort=COM1\r\nDevice=Modem A\r\n"
                    "\r\nDEVICE=modem\r\nPhoneNumber=5550100\r\nComment=first\r\n"
                    "PhoneNumber=5550199\r\nComment=alt\r\nLastSelectedPhone=0\r\n"
                    "PromoteAlternates=1\r\n\r\nMEDIA=rastapi\r\nPort=COM9\r\n"
                    "Device=Modem B\r\n\r\nDEVICE=modem\r\nPhoneNumber=5550200\r\n"
                    "AreaCode=030\r\nLastSelectedPhone=0\r\n");
    /* indexes out of range and entry-level keys with an index are refused */
    assert_int_equal(vpnlint_pbk_set(h, "Multi", "Port", "x", 2, -1, -1), VPNLINT_ENOTFOUND);
    assert_int_equal(vpnlint_pbk_set(h, "Multi", "VpnStrategy", "7", 0, -1, -1), VPNLINT_EINVALID);
    char *got = NULL;
    assert_int_equal(vpnlint_pbk_get(&got, h, "Multi", "Port", -1, -1, -1), 0);
    assert_string_equal(got, "line 5 media 1: COM1\nline 17 media 2: COM9\n");
    vpnlint_free(got);
    assert_int_equal(vpnlint_pbk_get(&got, h, "Multi", "Port", 1, -1, -1), 0);
    assert_string_equal(got, "COM9\n");
    vpnlint_free(got);
    vpnlint_pbk_free(h);
}

static void test_refusals(void **state)
{
    (void)state;
    const char dup[] = "[Dup]\nType=2\nVpnStrategy=7\nVpnStrategy=8\n\n[Dup]\nType=2\n"
                       "[Case]\nType=2\n[CASE]\nType=2\n";
    vpnlint_pbk *h = open_str(dup);
    assert_int_equal(vpnlint_pbk_set(h, "Dup", "Type", "2", -1, -1, -1), VPNLINT_EAMBIGUOUS);
    assert_non_null(strstr(vpnlint_error_last(), "lines 1 and 6"));
    assert_int_equal(vpnlint_pbk_set(h, "Case", "Type", "2", -1, -1, -1), VPNLINT_EAMBIGUOUS);
    assert_int_equal(vpnlint_pbk_set(h, "case", "Type", "2", -1, -1, -1), VPNLINT_ENOTFOUND);
    assert_int_equal(vpnlint_pbk_set(h, "Nope", "Type", "2", -1, -1, -1), VPNLINT_ENOTFOUND);
    char *got = NULL;
    assert_int_equal(vpnlint_pbk_get(&got, h, "Dup", NULL, -1, -1, -1), VPNLINT_EAMBIGUOUS);
    assert_bytes(h, dup);
    vpnlint_pbk_free(h);

    h = open_str("[One]\nType=2\nVpnStrategy=7\nVpnStrategy=8\nMEDIA=rastapi\n");
    /* duplicate key in one section: set refuses, unset removes both */
    assert_int_equal(vpnlint_pbk_set(h, "One", "VpnStrategy", "14", -1, -1, -1),
                     VPNLINT_EAMBIGUOUS);
    assert_int_equal(vpnlint_pbk_unset(h, "One", "VpnStrategy", -1, -1, -1), 0);
    assert_bytes(h, "[One]\nType=2\nMEDIA=rastapi\n");
    assert_int_equal(vpnlint_pbk_unset(h, "One", "VpnStrategy", -1, -1, -1), VPNLINT_ENOTFOUND);
    /* bad keys and values */
    assert_int_equal(vpnlint_pbk_set(h, "One", "A=B", "1", -1, -1, -1), VPNLINT_EINVALID);
    assert_int_equal(vpnlint_pbk_set(h, "One", "[X", "1", -1, -1, -1), VPNLINT_EINVALID);
    assert_int_equal(vpnlint_pbk_set(h, "One", " Type", "1", -1, -1, -1), VPNLINT_EINVALID);
    assert_int_equal(vpnlint_pbk_set(h, "One", "MEDIA", "x", -1, -1, -1), VPNLINT_EINVALID);
    assert_int_equal(vpnlint_pbk_set(h, "One", "DEVICE", "x", -1, -1, -1), VPNLINT_EINVALID);
    assert_int_equal(vpnlint_pbk_set(h, "One", "Type", "2\r\nVpnStrategy=0", -1, -1, -1),
                     VPNLINT_EINVALID);
    assert_bytes(h, "[One]\nType=2\nMEDIA=rastapi\n");
    vpnlint_pbk_free(h);
    /* a MEDIA key for an entry without MEDIA */
    h = open_str("[Two]\nType=2\n");
    assert_int_equal(vpnlint_pbk_set(h, "Two", "Port", "VPN2-0", -1, -1, -1), VPNLINT_ENOTFOUND);
    assert_bytes(h, "[Two]\nType=2\n");
    vpnlint_pbk_free(h);
}

static void test_names_gbk_and_long(void **state)
{
    (void)state;
    const char gbk[] = "[\xBF\xED\xB4\xF8]\r\nType=5\r\n";
    vpnlint_pbk *h = open_str(gbk);
    char *list = NULL;
    assert_int_equal(vpnlint_pbk_list(&list, h), 0);
    assert_non_null(strstr(list, "[\\xBF\\xED\\xB4\\xF8]"));
    vpnlint_free(list);
    /* by raw bytes and by the escaped form list prints */
    assert_int_equal(vpnlint_pbk_set(h, "\xBF\xED\xB4\xF8", "Type", "2", -1, -1, -1), 0);
    assert_int_equal(vpnlint_pbk_set(h, "\\xBF\\xED\\xB4\\xF8", "Encoding", "1", -1, -1, -1), 0);
    assert_bytes(h, "[\xBF\xED\xB4\xF8]\r\nEncoding=1\r\nType=2\r\n");
    char *name = NULL;
    assert_int_equal(vpnlint_pbk_entry_name(&name, h, 0), 0);
    assert_string_equal(name, "\xBF\xED\xB4\xF8");
    vpnlint_free(name);
    vpnlint_pbk_free(h);

    char big[400], nm[258];
    memset(nm, 'L', 257);
    nm[257] = 0;
    snprintf(big, sizeof big, "[%s]\nType=2\n", nm);
    h = open_str(big);
    assert_int_equal(vpnlint_pbk_set(h, nm, "Type", "4", -1, -1, -1), 0);
    snprintf(big, sizeof big, "[%s]\nType=4\n", nm);
    assert_bytes(h, big);
    vpnlint_pbk_free(h);
}

static void test_secrets_masked(void **state)
{
    (void)state;
    vpnlint_pbk *h = open_str("[S]\nType=2\nPreSharedKey=hunter2\nApnInfoPassword=\n");
    char *got = NULL;
    assert_int_equal(vpnlint_pbk_get(&got, h, "S", "PreSharedKey", -1, -1, -1), 0);
    assert_string_equal(got, "********\n");
    vpnlint_free(got);
    assert_int_equal(vpnlint_pbk_get(&got, h, "S", NULL, -1, -1, -1), 0);
    assert_null(strstr(got, "hunter2"));
    assert_non_null(strstr(got, "PreSharedKey=********\n"));
    assert_non_null(strstr(got, "ApnInfoPassword=\n")); /* empty stays empty */
    vpnlint_free(got);
    assert_int_equal(vpnlint_pbk_set(h, "S", "ApnInfoPassword", "s3cr3t", -1, -1, -1), 0);
    assert_int_equal(vpnlint_pbk_set(h, "S", "PreSharedKey", "", -1, -1, -1), 0);
    char *diff = NULL;
    assert_int_equal(vpnlint_pbk_diff(&diff, h), 0);
    assert_null(strstr(diff, "hunter2"));
    assert_null(strstr(diff, "s3cr3t"));
    assert_non_null(strstr(diff, "\n-PreSharedKey=********\n"));
    assert_non_null(strstr(diff, "\n+PreSharedKey=\n"));
    assert_non_null(strstr(diff, "+ApnInfoPassword=********\n"));
    vpnlint_free(diff);
    vpnlint_pbk_free(h);
}

static void test_write_backup_restore(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    char path[600];
    snprintf(path, sizeof path, "%s/rasphone.pbk", dir);
    write_file(path, ENTRY, strlen(ENTRY));
    vpnlint_pbk *h = NULL;
    assert_int_equal(vpnlint_pbk_open(&h, path), 0);
    char *backup = (char *)1;
    assert_int_equal(vpnlint_pbk_write(&backup, h), 0); /* nothing to write */
    assert_null(backup);
    assert_int_equal(count_files(dir), 1);
    assert_int_equal(vpnlint_pbk_set(h, "Contoso VPN", "VpnStrategy", "8", -1, -1, -1), 0);
    assert_int_equal(vpnlint_pbk_write(&backup, h), 0);
    assert_non_null(backup);
    assert_int_equal(count_files(dir), 2); /* file + backup, no temp left */
    size_t n;
    char *b = slurp(backup, &n);
    assert_int_equal(n, strlen(ENTRY));
    assert_memory_equal(b, ENTRY, n);
    free(b);
    char *now = slurp(path, &n);
    assert_non_null(strstr(now, "VpnStrategy=8\r\n"));
    assert_int_equal(n, strlen(ENTRY));
    free(now);
    /* the handle's baseline is now the written file: another edit + write works */
    assert_int_equal(vpnlint_pbk_set(h, "Contoso VPN", "VpnStrategy", "14", -1, -1, -1), 0);
    char *backup2 = NULL;
    assert_int_equal(vpnlint_pbk_write(&backup2, h), 0);
    assert_string_not_equal(backup, backup2);
    vpnlint_pbk_free(h);
    /* restore the first backup (target derived from its name) */
    char *target = NULL, *safety = NULL;
    assert_int_equal(vpnlint_pbk_restore(&target, &safety, backup, NULL), 0);
    assert_string_equal(target, path);
    assert_non_null(safety);
    now = slurp(path, &n);
    assert_int_equal(n, strlen(ENTRY));
    assert_memory_equal(now, ENTRY, n);
    free(now);
    b = slurp(safety, &n);
    assert_non_null(strstr(b, "VpnStrategy=14\r\n"));
    free(b);
    /* restore with an explicit target that does not exist yet */
    char other[700];
    snprintf(other, sizeof other, "%s/copy.pbk", dir);
    assert_int_equal(vpnlint_pbk_restore(NULL, NULL, backup, other), 0);
    now = slurp(other, &n);
    assert_memory_equal(now, ENTRY, n);
    free(now);
    /* a file not named like a backup needs --to */
    assert_int_equal(vpnlint_pbk_restore(NULL, NULL, path, NULL), VPNLINT_EINVALID);
    vpnlint_free(target);
    vpnlint_free(safety);
    vpnlint_free(backup);
    vpnlint_free(backup2);
    rm_tree(dir);
    free(dir);
}

static void test_conflict(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    char path[600];
    snprintf(path, sizeof path, "%s/rasphone.pbk", dir);
    write_file(path, ENTRY, strlen(ENTRY));
    vpnlint_pbk *h = NULL;
    assert_int_equal(vpnlint_pbk_open(&h, path), 0);
    assert_int_equal(vpnlint_pbk_set(h, "Contoso VPN", "VpnStrategy", "8", -1, -1, -1), 0);
    /* someone else (Windows, Intune) writes the file meanwhile: same size, one byte */
    char changed[sizeof ENTRY];
    memcpy(changed, ENTRY, sizeof ENTRY);
    char *pos = strstr(changed, "VpnStrategy=7");
    pos[12] = '5';
    write_file(path, changed, strlen(changed));
    char *backup = NULL;
    assert_int_equal(vpnlint_pbk_write(&backup, h), VPNLINT_ECONFLICT);
    assert_null(backup);
    size_t n;
    char *now = slurp(path, &n);
    assert_memory_equal(now, changed, n); /* their change survives */
    free(now);
    assert_int_equal(count_files(dir), 1); /* no backup, no temp file */
    /* deleted meanwhile: also a conflict */
    remove(path);
    assert_int_equal(vpnlint_pbk_write(&backup, h), VPNLINT_ECONFLICT);
    assert_int_equal(count_files(dir), 0);
    vpnlint_pbk_free(h);
    /* buffers have no file */
    h = open_str(ENTRY);
    assert_int_equal(vpnlint_pbk_set(h, "Contoso VPN", "Type", "4", -1, -1, -1), 0);
    assert_int_equal(vpnlint_pbk_write(NULL, h), VPNLINT_EINVALID);
    vpnlint_pbk_free(h);
    assert_int_equal(vpnlint_pbk_open(&h, path), VPNLINT_ENOTFOUND);
    rm_tree(dir);
    free(dir);
}

/* Every corpus-like synthetic file: an edit of one key changes exactly one
 * line, whatever the endings. */
static void test_one_line_changes(void **state)
{
    (void)state;
    const char *variants[] = {
        "\xEF\xBB\xBF[v]\r\nType=2\nVpnStrategy=7\r\nDataEncryption=256   \n",
        "[v]\nType=2\nVpnStrategy=7\nDataEncryption=256",
        "[v]\r\nType=2\r\nVpnStrategy=7\r\nDataEncryption=256\r\n",
    };
    const char *wants[] = {
        "\xEF\xBB\xBF[v]\r\nType=2\nVpnStrategy=14\r\nDataEncryption=256   \n",
        "[v]\nType=2\nVpnStrategy=14\nDataEncryption=256",
        "[v]\r\nType=2\r\nVpnStrategy=14\r\nDataEncryption=256\r\n",
    };
    for (size_t i = 0; i < 3; i++) {
        vpnlint_pbk *h = open_str(variants[i]);
        assert_int_equal(vpnlint_pbk_set(h, "v", "VpnStrategy", "14", -1, -1, -1), 0);
        assert_bytes(h, wants[i]);
        vpnlint_pbk_free(h);
    }
}

static void test_lint_engine_sees_pbk(void **state)
{
    (void)state;
    vpnlint_report *r = NULL;
    assert_int_equal(vpnlint_report_new(&r, NULL), 0);
    assert_int_equal(vpnlint_report_add_buffer(r, "rasphone.pbk", ENTRY, strlen(ENTRY)), 0);
    vpnlint_file_info fi;
    assert_int_equal(vpnlint_report_file(&fi, r, 0), 0);
    assert_int_equal(fi.kind, VPNLINT_KIND_PBK);
    vpnlint_report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_set_in_place),
        cmocka_unit_test(test_set_canonical_position),
        cmocka_unit_test(test_blob_rewrap),
        cmocka_unit_test(test_multilink_addressing),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_names_gbk_and_long),
        cmocka_unit_test(test_secrets_masked),
        cmocka_unit_test(test_write_backup_restore),
        cmocka_unit_test(test_conflict),
        cmocka_unit_test(test_one_line_changes),
        cmocka_unit_test(test_lint_engine_sees_pbk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
