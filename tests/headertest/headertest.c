/* Compiles the public header alone under -Wall -Wextra -pedantic -Werror. */
#include "vpnlint.h"

int vpnlint_headertest_anchor(void);
int vpnlint_headertest_anchor(void)
{
    vpnlint_options o = VPNLINT_OPTIONS_INIT;
    return (int)o.version + VPNLINT_ABI_VERSION;
}
