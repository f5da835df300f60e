/* A library that claims to be libvpnlint of another ABI version: the module's
 * loader must refuse it with a message naming the path and both versions. */
int vpnlint_abi_version(void);
int vpnlint_abi_version(void)
{
    return 99;
}
