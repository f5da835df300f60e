using System;
using System.Runtime.InteropServices;
using System.Text;

namespace VpnLint.Interop
{
    /// <summary>
    /// UTF-8 marshalling done by hand so it behaves the same on .NET Framework
    /// 4.x (no Marshal.PtrToStringUTF8, CharSet.Ansi is the ANSI code page) and
    /// on .NET.
    /// </summary>
    internal static class Utf8
    {
        // Encoding.UTF8 rather than a new UTF8Encoding: the same replacement of invalid sequences (no byte
        // order mark is ever written here), without loading System.Text.Encoding.Extensions on .NET.
        private static readonly Encoding Encoding = Encoding.UTF8;

        /// <summary>UTF-8 bytes of <paramref name="value"/> with a trailing NUL; null stays null.</summary>
        public static byte[]? ToNative(string? value)
        {
            if (value == null)
            {
                return null;
            }
            if (value.IndexOf('\0') >= 0)
            {
                throw new ArgumentException("A string passed to libvpnlint must not contain a NUL character.", nameof(value));
            }
            int n = Encoding.GetByteCount(value);
            var bytes = new byte[n + 1];
            Encoding.GetBytes(value, 0, value.Length, bytes, 0);
            return bytes;
        }

        /// <summary>UTF-8 bytes of <paramref name="value"/> without a terminator.</summary>
        public static byte[] GetBytes(string value) => Encoding.GetBytes(value);

        /// <summary>Decodes a NUL-terminated UTF-8 string the caller does not own.</summary>
        public static string? FromNative(IntPtr ptr)
        {
            if (ptr == IntPtr.Zero)
            {
                return null;
            }
            int len = Length(ptr);
            if (len == 0)
            {
                return string.Empty;
            }
            var bytes = new byte[len];
            Marshal.Copy(ptr, bytes, 0, len);
            return Encoding.GetString(bytes);
        }

        /// <summary>Decodes and then frees (vpnlint_free) a string the library allocated for us.</summary>
        public static string? TakeNative(IntPtr ptr)
        {
            if (ptr == IntPtr.Zero)
            {
                return null;
            }
            try
            {
                return FromNative(ptr);
            }
            finally
            {
                NativeMethods.vpnlint_free(ptr);
            }
        }

        /// <summary>
        /// strlen: copies the string page by page (never past the page that holds its terminator, so no
        /// unmapped memory is touched) and looks for the NUL. One Marshal.ReadByte per byte was slow enough
        /// under wine to stall on the rule catalogue (120 KB).
        /// </summary>
        private static int Length(IntPtr ptr)
        {
            var chunk = new byte[4096];
            long len = 0;
            while (true)
            {
                long addr = ptr.ToInt64() + len;
                int n = 4096 - (int)(addr & 4095);
                Marshal.Copy(new IntPtr(addr), chunk, 0, n);
                int nul = Array.IndexOf(chunk, (byte)0, 0, n);
                if (nul >= 0)
                {
                    return checked((int)(len + nul));
                }
                len += n;
            }
        }

        /// <summary>Decodes UTF-8 bytes (invalid sequences become U+FFFD).</summary>
        public static string Decode(byte[] bytes) => Encoding.GetString(bytes);

        /// <summary>The bytes with a trailing NUL, for passing raw names back to the library.</summary>
        public static byte[] Terminate(byte[] bytes)
        {
            var b = new byte[bytes.Length + 1];
            Buffer.BlockCopy(bytes, 0, b, 0, bytes.Length);
            return b;
        }

        /// <summary>Copies a NUL-terminated string's raw bytes, then frees it (vpnlint_free).</summary>
        public static byte[] TakeNativeBytes(IntPtr ptr)
        {
            if (ptr == IntPtr.Zero)
            {
                return new byte[0];
            }
            try
            {
                int len = Length(ptr);
                var bytes = new byte[len];
                Marshal.Copy(ptr, bytes, 0, len);
                return bytes;
            }
            finally
            {
                NativeMethods.vpnlint_free(ptr);
            }
        }

        /// <summary>Copies a string into unmanaged memory (for fields of option structs).</summary>
        public static IntPtr AllocHGlobal(string? value)
        {
            byte[]? bytes = ToNative(value);
            if (bytes == null)
            {
                return IntPtr.Zero;
            }
            IntPtr p = Marshal.AllocHGlobal(bytes.Length);
            Marshal.Copy(bytes, 0, p, bytes.Length);
            return p;
        }
    }
}
