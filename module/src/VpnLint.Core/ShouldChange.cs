namespace VpnLint
{
    /// <summary>
    /// Asked by an operation before it changes anything (the "should I?" of -WhatIf/-Confirm).
    /// <paramref name="target"/> names what changes, <paramref name="action"/> says how, and
    /// <paramref name="description"/> gives the details the library computed in a dry run (a diff,
    /// or the planned registry change). Returning false makes the operation write nothing.
    /// </summary>
    public delegate bool ShouldChange(string target, string action, string description);
}
