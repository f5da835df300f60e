/* The real-world corpus (VPNLINT_CORPUS_DIR/profilexml, outside the repo):
 * every file lints without a crash, and its error and warning findings
 * (rule ID, line, severity) are pinned in tests/fixtures/corpus/<file>.expect.
 *
 * Re-pinning after rules change (one command, then review the diff):
 *
 *     VPNLINT_REPIN=1 ctest --test-dir build -R test_corpus
 *     git diff tests/fixtures/corpus/
 *
 * The corpus is read from VPNLINT_CORPUS_DIR (compile-time default
 * <repo>/../shared/corpus; set the environment variable of the same name to
 * override it). Without a corpus the test is skipped, loudly.
 *
 * Every changed line must be a finding you agree with (the Richard Hicks
 * samples are known good apart from the defects listed in `allowed` below).
 * Re-pinning rewrites each .expect file atomically and deletes .expect files
 * whose corpus file is gone; it never edits the allow-list.
 *
 * Independently of the pins, the Richard Hicks samples must raise no
 * error-level finding except the real defects in `allowed`: a new rule that
 * calls a known-good sample broken fails here even after re-pinning. */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PINS VPNLINT_FIXTURES_DIR "/corpus"

/* The corpus root: $VPNLINT_CORPUS_DIR when set (a worktree outside /work/main
 * has no ../shared next to it), else the path the build configured. */
static char corpus_dir[1024];
static const char *corpus(void)
{
    const char *env = getenv("VPNLINT_CORPUS_DIR");
    snprintf(corpus_dir, sizeof corpus_dir, "%s/profilexml",
             env && *env ? env : VPNLINT_CORPUS_DIR);
    return corpus_dir;
}

/* Error-level findings that are true defects of known-good samples. */
static const struct {
    const char *file;
    const char *rule;
    const char *why;
} allowed[] = {
    {"richardhicks-aovpn-ProfileXML_Entra_ConditionalAccess.xml", "PX009",
     "stray '>' after the comment on line 61 ('-->>'), text in element-only content"},
    {"richardhicks-aovpn-ProfileXML_User.xml", "PX033",
     "Eap/Configuration holds only a placeholder comment: not deployable as is"},
};

static bool repin(void)
{
    const char *v = getenv("VPNLINT_REPIN");
    return v && strcmp(v, "1") == 0;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int cmp_lines(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "PX020 68 error\n..." sorted by line, then rule: the pinned text. */
static char *pinned_text(const vpnlint_report *r)
{
    size_t n = vpnlint_report_finding_count(r), k = 0;
    char **lines = calloc(n + 1, sizeof *lines);
    assert_non_null(lines);
    size_t total = 1;
    for (size_t i = 0; i < n; i++) {
        vpnlint_finding f;
        assert_int_equal(vpnlint_report_finding(&f, r, i), VPNLINT_OK);
        if (f.severity < VPNLINT_SEVERITY_WARNING)
            continue;
        char buf[128];
        /* zero-padded line so that a plain sort orders by line */
        snprintf(buf, sizeof buf, "%06u %s %s\n", f.line, f.rule_id,
                 f.severity == VPNLINT_SEVERITY_ERROR     ? "error"
                 : f.severity == VPNLINT_SEVERITY_WARNING ? "warning"
                                                          : "info");
        lines[k] = strdup(buf);
        total += strlen(buf);
        k++;
    }
    qsort(lines, k, sizeof *lines, cmp_lines);
    char *out = calloc(total, 1);
    assert_non_null(out);
    for (size_t i = 0; i < k; i++) {
        /* drop the padding again: "68 PX020 error" */
        const char *s = lines[i];
        while (*s == '0' && s[1] != ' ')
            s++;
        strcat(out, s);
        free(lines[i]);
    }
    free(lines);
    return out;
}

static void write_atomic(const char *path, const char *text)
{
    char tmp[1200];
    int n = snprintf(tmp, sizeof tmp, "%s.tmp%lu", path, (unsigned long)(uintptr_t)&tmp);
    if (n < 0 || (size_t)n >= sizeof tmp)
        fail_msg("path too long: %s", path);
    FILE *f = fopen(tmp, "wb");
    if (!f)
        fail_msg("cannot write %s: %s", tmp, strerror(errno));
    size_t len = strlen(text);
    bool ok = fwrite(text, 1, len, f) == len;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        remove(tmp);
        fail_msg("cannot write %s", path);
    }
}

static void check_known_good(const char *name, const vpnlint_report *r)
{
    if (strncmp(name, "richardhicks-", 13) != 0)
        return;
    for (size_t i = 0; i < vpnlint_report_finding_count(r); i++) {
        vpnlint_finding f;
        vpnlint_report_finding(&f, r, i);
        if (f.severity != VPNLINT_SEVERITY_ERROR)
            continue;
        bool ok = false;
        for (size_t k = 0; k < sizeof allowed / sizeof allowed[0]; k++)
            if (strcmp(allowed[k].file, name) == 0 && strcmp(allowed[k].rule, f.rule_id) == 0)
                ok = true;
        if (!ok) {
            tu_dump(r);
            fail_msg("%s is a known-good sample but %s reports an error on line %u: %s\n"
                     "Fix the rule, or if the sample is truly wrong there, add it to "
                     "`allowed` in tests/unit/test_corpus.c with the reason.",
                     name, f.rule_id, f.line, f.message);
        }
    }
}

static void test_corpus_lints_and_matches_pins(void **state)
{
    (void)state;
    const char *cdir = corpus();
    if (!tu_is_dir(cdir)) {
        printf("corpus not found at %s: skipped (set VPNLINT_CORPUS_DIR)\n", cdir);
        skip();
    }
    char **names;
    size_t n = tu_list_dir(cdir, &names);
    size_t linted = 0, mismatches = 0;
    for (size_t i = 0; i < n; i++) {
        if (!ends_with(names[i], ".xml"))
            continue;
        char path[1200], pin[1200];
        snprintf(path, sizeof path, "%s/%s", cdir, names[i]);
        snprintf(pin, sizeof pin, "%s/%s.expect", PINS, names[i]);

        vpnlint_report *r = NULL;
        assert_int_equal(vpnlint_report_new(&r, NULL), VPNLINT_OK);
        int rc = vpnlint_report_add_file(r, path);
        if (rc != VPNLINT_OK)
            fail_msg("%s: could not be linted: %s", path, vpnlint_error_last());
        vpnlint_file_info fi;
        assert_int_equal(vpnlint_report_file(&fi, r, 0), VPNLINT_OK);
        assert_int_equal(fi.kind, VPNLINT_KIND_PROFILEXML);
        /* every renderer copes with the findings */
        static const int formats[] = {VPNLINT_FORMAT_TEXT, VPNLINT_FORMAT_JSON,
                                      VPNLINT_FORMAT_SARIF, VPNLINT_FORMAT_INTUNE};
        for (size_t k = 0; k < sizeof formats / sizeof formats[0]; k++) {
            char *out = NULL;
            assert_int_equal(vpnlint_report_render(&out, r, formats[k]), VPNLINT_OK);
            assert_non_null(out);
            vpnlint_free(out);
        }

        char *got = pinned_text(r);
        if (repin()) {
            write_atomic(pin, got);
        } else {
            char *want = tu_read_file(pin, NULL);
            if (!want) {
                printf("%s: no pin file %s\n", names[i], pin);
                mismatches++;
            } else if (strcmp(want, got) != 0) {
                printf("%s: findings differ from %s\n--- pinned\n%s--- now\n%s", names[i], pin,
                       want, got);
                mismatches++;
            }
            free(want);
        }
        free(got);
        check_known_good(names[i], r);
        vpnlint_report_free(r);
        linted++;
    }
    tu_free_names(names, n);

    /* pins for corpus files that no longer exist */
    char **pins;
    size_t np = tu_list_dir(PINS, &pins);
    for (size_t i = 0; i < np; i++) {
        if (!ends_with(pins[i], ".expect"))
            continue;
        char src[1200];
        snprintf(src, sizeof src, "%s/%.*s", cdir, (int)(strlen(pins[i]) - 7), pins[i]);
        FILE *f = fopen(src, "rb");
        if (f) {
            fclose(f);
            continue;
        }
        char pin[1200];
        snprintf(pin, sizeof pin, "%s/%s", PINS, pins[i]);
        if (repin()) {
            remove(pin);
        } else {
            printf("%s: stale pin, its corpus file is gone\n", pin);
            mismatches++;
        }
    }
    tu_free_names(pins, np);

    assert_true(linted >= 7);
    if (mismatches)
        fail_msg("%zu corpus pin(s) differ. If the change is intended, re-pin with\n"
                 "  VPNLINT_REPIN=1 ctest --test-dir build -R test_corpus\n"
                 "and review `git diff tests/fixtures/corpus/` before committing.",
                 mismatches);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus_lints_and_matches_pins),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
