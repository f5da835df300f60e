using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using VpnLint.Interop;

namespace VpnLint
{
    /// <summary>One Key=Value line of a phonebook entry (secret values are shown as ********).</summary>
    public sealed class PhonebookSetting
    {
        public PhonebookSetting(string key, string value)
        {
            Key = key;
            Value = value;
        }

        public string Key { get; }

        public string Value { get; }

        public override string ToString() => Key + "=" + Value;
    }

    /// <summary>An entry (a [section]) of a rasphone.pbk phonebook (Get-RasPhonebookEntry).</summary>
    public sealed class PhonebookEntry
    {
        public PhonebookEntry(string path, string name, int line, string summary, IReadOnlyList<PhonebookSetting> settings)
        {
            Path = path;
            Name = name;
            Line = line;
            Summary = summary;
            Settings = settings;
        }

        /// <summary>The phonebook file.</summary>
        public string Path { get; }

        /// <summary>The entry name (bytes that are not UTF-8 appear as U+FFFD).</summary>
        public string Name { get; }

        /// <summary>1-based line of the [section] header.</summary>
        public int Line { get; }

        /// <summary>The library's one-line summary: type, VPN strategy, server, authentication, links.</summary>
        public string Summary { get; }

        /// <summary>Every Key=Value line of the entry in file order, secrets masked.</summary>
        public IReadOnlyList<PhonebookSetting> Settings { get; }

        /// <summary>The first value of <paramref name="key"/> (case-insensitive), or null.</summary>
        public string? this[string key] =>
            Settings.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase))?.Value;

        /// <summary>Entry type (1 phone, 2 VPN, 3 direct, 4 internet, 5 broadband).</summary>
        public string? Type => this["Type"];

        /// <summary>VpnStrategy (0 default, 1..14 per protocol order).</summary>
        public string? VpnStrategy => this["VpnStrategy"];

        /// <summary>The server (first PhoneNumber).</summary>
        public string? Server => this["PhoneNumber"];

        public override string ToString() => Summary;
    }

    /// <summary>What Set-RasPhonebookEntry did.</summary>
    public sealed class PhonebookChange
    {
        public PhonebookChange(string path, string name, string key, bool changed, string? backupPath, string diff)
        {
            Path = path;
            Name = name;
            Key = key;
            Changed = changed;
            BackupPath = backupPath;
            Diff = diff;
        }

        public string Path { get; }

        public string Name { get; }

        public string Key { get; }

        /// <summary>False when the entry already had that value (nothing was written).</summary>
        public bool Changed { get; }

        /// <summary>The backup written before the change (Restore-RasPhonebook takes it), or null.</summary>
        public string? BackupPath { get; }

        /// <summary>Unified diff of the change (secret values masked).</summary>
        public string Diff { get; }

        public override string ToString() => BackupPath ?? (Path + ": no change");
    }

    /// <summary>What Restore-RasPhonebook did.</summary>
    public sealed class PhonebookRestore
    {
        public PhonebookRestore(string path, string backupPath, string? safetyBackupPath)
        {
            Path = path;
            BackupPath = backupPath;
            SafetyBackupPath = safetyBackupPath;
        }

        /// <summary>The phonebook that was put back.</summary>
        public string Path { get; }

        /// <summary>The backup it was restored from.</summary>
        public string BackupPath { get; }

        /// <summary>Where the content it had before the restore was saved.</summary>
        public string? SafetyBackupPath { get; }

        public override string ToString() => Path;
    }

    /// <summary>Which MEDIA (link), DEVICE and PhoneNumber group an edit addresses, counted from 1; null = the only one.</summary>
    public sealed class PhonebookPosition
    {
        public int? Media { get; set; }

        public int? Device { get; set; }

        public int? Phone { get; set; }

        internal static int ToNative(int? n, string what)
        {
            if (n == null)
            {
                return -1;
            }
            if (n < 1)
            {
                throw new VpnLintException(VpnLintErrorCode.Invalid, $"{what} counts from 1 (got {n}).");
            }
            return n.Value - 1;
        }
    }

    /// <summary>The operations behind Get-RasPhonebookEntry, Set-RasPhonebookEntry and Restore-RasPhonebook,
    /// on the library's phonebook reader and safe editor.</summary>
    public static class Phonebook
    {
        /// <summary>The entries of a phonebook whose names match any of <paramref name="names"/> (wildcards; none = all).</summary>
        public static IReadOnlyList<PhonebookEntry> GetEntries(string path, IList<string>? names = null)
        {
            using (var pbk = NativePhonebook.Open(path))
            {
                string[] summaries = pbk.List().Split('\n');
                var result = new List<PhonebookEntry>();
                int n = pbk.EntryCount;
                for (int i = 0; i < n; i++)
                {
                    byte[] raw = pbk.EntryName(i);
                    string name = Utf8.Decode(raw);
                    if (names != null && names.Count > 0 && !names.Any(p => Wildcard.IsMatch(name, p)))
                    {
                        continue;
                    }
                    string summary = i < summaries.Length ? summaries[i].TrimEnd('\r') : "[" + name + "]";
                    int colon = summary.IndexOf(':');
                    int line = 0;
                    if (colon > 0)
                    {
                        int.TryParse(summary.Substring(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out line);
                    }
                    result.Add(new PhonebookEntry(path, name, line, summary, ParseSettings(pbk.TryGetLines(raw))));
                }
                return result;
            }
        }

        /// <summary>
        /// Sets (or, with a null value, removes) one key of one entry. The library makes the edit in memory and
        /// computes the diff; <paramref name="shouldChange"/> sees that diff and decides. Nothing is written when
        /// the entry already has the value or the answer is no. Returns null when declined.
        /// </summary>
        public static PhonebookChange? Set(string path, string entry, string key, string? value, PhonebookPosition? position,
                                           bool allowHidden, ShouldChange shouldChange)
        {
            position ??= new PhonebookPosition();
            int media = PhonebookPosition.ToNative(position.Media, "Media");
            int device = PhonebookPosition.ToNative(position.Device, "Device");
            int phone = PhonebookPosition.ToNative(position.Phone, "Phone");
            if (!allowHidden && path.IndexOf("_hiddenPbk", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                throw new VpnLintException(VpnLintErrorCode.Access,
                    $"{path} is under _hiddenPbk (the copy Windows keeps for provisioned profiles); use -AllowHidden to edit it anyway.");
            }
            using (var pbk = NativePhonebook.Open(path))
            {
                if (value != null)
                {
                    pbk.Set(entry, key, value, media, device, phone);
                }
                else
                {
                    pbk.Unset(entry, key, media, device, phone);
                }
                string diff = pbk.Diff();
                if (diff.Length == 0)
                {
                    return new PhonebookChange(path, entry, key, false, null, diff);
                }
                string action = value != null ? $"Set {key} of entry [{entry}]" : $"Remove {key} from entry [{entry}]";
                if (!shouldChange(path, action, diff))
                {
                    return null;
                }
                string? backup = pbk.Write();
                return new PhonebookChange(path, entry, key, true, backup, diff);
            }
        }

        /// <summary>
        /// Puts a backup made by <see cref="Set"/> back (atomically; the current file is backed up first).
        /// <paramref name="destination"/> null = the file the backup was made from. Returns null when declined.
        /// </summary>
        public static PhonebookRestore? Restore(string backupPath, string? destination, ShouldChange shouldChange)
        {
            if (!File.Exists(backupPath))
            {
                throw new VpnLintException(VpnLintErrorCode.NotFound, $"The backup '{backupPath}' does not exist.");
            }
            string target = destination ?? OriginalOf(backupPath)
                ?? throw new VpnLintException(VpnLintErrorCode.Invalid,
                    $"'{backupPath}' is not named like a vpnlint backup (FILE.vpnlint-<time>.bak); give -Destination.");
            if (!shouldChange(target, "Restore from " + backupPath, $"replace {target} with the content of {backupPath} (its current content is backed up first)"))
            {
                return null;
            }
            NativeLoader.EnsureLoaded();
            NativeMethods.Check(NativeMethods.vpnlint_pbk_restore(out IntPtr t, out IntPtr safety, Utf8.ToNative(backupPath)!, Utf8.ToNative(destination)));
            string restored = Utf8.TakeNative(t) ?? target;
            return new PhonebookRestore(restored, backupPath, Utf8.TakeNative(safety));
        }

        /// <summary>The file a backup was made from: its name without ".vpnlint-&lt;time&gt;.bak", or null.</summary>
        public static string? OriginalOf(string backupPath)
        {
            int cut = backupPath.LastIndexOf(".vpnlint-", StringComparison.Ordinal);
            if (cut <= 0 || !backupPath.EndsWith(".bak", StringComparison.Ordinal))
            {
                return null;
            }
            return backupPath.Substring(0, cut);
        }

        private static List<PhonebookSetting> ParseSettings(string lines)
        {
            var settings = new List<PhonebookSetting>();
            foreach (string l in lines.Split('\n'))
            {
                string s = l.TrimEnd('\r');
                int eq = s.IndexOf('=');
                if (eq <= 0 || s.StartsWith("[", StringComparison.Ordinal) || s.StartsWith(";", StringComparison.Ordinal))
                {
                    continue;
                }
                settings.Add(new PhonebookSetting(s.Substring(0, eq), s.Substring(eq + 1)));
            }
            return settings;
        }
    }
}

namespace VpnLint.Interop
{
    /// <summary>Owns a vpnlint_pbk handle.</summary>
    internal sealed class NativePhonebook : IDisposable
    {
        private IntPtr handle;

        private NativePhonebook(IntPtr h)
        {
            handle = h;
        }

        ~NativePhonebook()
        {
            Release();
        }

        private IntPtr Handle => handle != IntPtr.Zero ? handle : throw new ObjectDisposedException(nameof(NativePhonebook));

        public static NativePhonebook Open(string path)
        {
            NativeLoader.EnsureLoaded();
            NativeMethods.Check(NativeMethods.vpnlint_pbk_open(out IntPtr h, Utf8.ToNative(path)!));
            return new NativePhonebook(h);
        }

        public int EntryCount => (int)NativeMethods.vpnlint_pbk_entry_count(Handle).ToUInt64();

        public byte[] EntryName(int index)
        {
            NativeMethods.Check(NativeMethods.vpnlint_pbk_entry_name(out IntPtr p, Handle, new UIntPtr((uint)index)));
            return Utf8.TakeNativeBytes(p);
        }

        public string List()
        {
            NativeMethods.Check(NativeMethods.vpnlint_pbk_list(out IntPtr p, Handle));
            return Utf8.TakeNative(p) ?? string.Empty;
        }

        /// <summary>The entry's lines; "" when the name is held by several sections.</summary>
        public string TryGetLines(byte[] rawName)
        {
            int rc = NativeMethods.vpnlint_pbk_get(out IntPtr p, Handle, Utf8.Terminate(rawName), null, -1, -1, -1);
            if (rc == (int)VpnLintErrorCode.Ambiguous)
            {
                return string.Empty;
            }
            NativeMethods.Check(rc);
            return Utf8.TakeNative(p) ?? string.Empty;
        }

        public void Set(string entry, string key, string value, int media, int device, int phone) =>
            NativeMethods.Check(NativeMethods.vpnlint_pbk_set(Handle, Utf8.ToNative(entry)!, Utf8.ToNative(key)!, Utf8.ToNative(value)!, media, device, phone));

        public void Unset(string entry, string key, int media, int device, int phone) =>
            NativeMethods.Check(NativeMethods.vpnlint_pbk_unset(Handle, Utf8.ToNative(entry)!, Utf8.ToNative(key)!, media, device, phone));

        public string Diff()
        {
            NativeMethods.Check(NativeMethods.vpnlint_pbk_diff(out IntPtr p, Handle));
            return Utf8.TakeNative(p) ?? string.Empty;
        }

        public byte[] Bytes()
        {
            NativeMethods.Check(NativeMethods.vpnlint_pbk_bytes(out IntPtr data, out UIntPtr len, Handle));
            var b = new byte[(int)len.ToUInt64()];
            if (b.Length > 0)
            {
                Marshal.Copy(data, b, 0, b.Length);
            }
            return b;
        }

        /// <summary>Writes the edits; returns the backup path (null when there was nothing to write).</summary>
        public string? Write()
        {
            NativeMethods.Check(NativeMethods.vpnlint_pbk_write(out IntPtr backup, Handle));
            return Utf8.TakeNative(backup);
        }

        public void Dispose()
        {
            Release();
            GC.SuppressFinalize(this);
        }

        private void Release()
        {
            if (handle != IntPtr.Zero)
            {
                NativeMethods.vpnlint_pbk_free(handle);
                handle = IntPtr.Zero;
            }
        }
    }
}
