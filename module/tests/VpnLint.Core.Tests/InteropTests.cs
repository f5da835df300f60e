using System;
using System.Runtime.InteropServices;
using System.Text;
using VpnLint.Interop;
using Xunit;

namespace VpnLint.Core.Tests
{
    public sealed class InteropTests : NativeTest
    {
        [Fact]
        public void Utf8RoundTripsNonAsciiAndAppendsOneNul()
        {
            string s = "Zürich – VPN 東京 😀";
            byte[] b = Utf8.ToNative(s)!;
            Assert.Equal(0, b[b.Length - 1]);
            Assert.Equal(Encoding.UTF8.GetBytes(s), b[..^1]);
            IntPtr p = Utf8.AllocHGlobal(s);
            try
            {
                Assert.Equal(s, Utf8.FromNative(p));
            }
            finally
            {
                Marshal.FreeHGlobal(p);
            }
            Assert.Null(Utf8.ToNative(null));
            Assert.Null(Utf8.FromNative(IntPtr.Zero));
            Assert.Throws<ArgumentException>(() => Utf8.ToNative("a\0b"));
        }

        [Fact]
        public void OptionsStructMatchesTheLibrarysDefaults()
        {
            var o = default(NativeOptions);
            NativeMethods.Check(NativeMethods.vpnlint_options_init(ref o, NativeMethods.OptionsVersion));
            Assert.Equal(1u, o.Version);
            Assert.Equal(IntPtr.Zero, o.Only);
            Assert.Equal(IntPtr.Zero, o.BaseDir);
            Assert.True(o.MaxBytes == 0 || o.MaxBytes == 16UL * 1024 * 1024, "max_bytes lands where the header puts it");
        }

        [Fact]
        public void ANonZeroReturnBecomesAnExceptionWithTheLibrarysMessageAndCode()
        {
            var e = Assert.Throws<VpnLintException>(() => RuleCatalog.Find("NOPE999"));
            Assert.Equal(VpnLintErrorCode.NotFound, e.Code);
            Assert.Equal("ObjectNotFound", e.CategoryName);
            Assert.Contains("NOPE999", e.Message);
            Assert.Equal((int)VpnLintErrorCode.NotFound, NativeMethods.vpnlint_error_last_code());
            NativeMethods.vpnlint_error_clear();
            Assert.Equal(0, NativeMethods.vpnlint_error_last_code());
        }

        [Fact]
        public void InvalidOptionsVersionIsInvalid()
        {
            var o = default(NativeOptions);
            int rc = NativeMethods.vpnlint_options_init(ref o, 9999);
            Assert.Equal((int)VpnLintErrorCode.Invalid, rc);
            var e = VpnLintException.FromLastError(rc);
            Assert.Equal(VpnLintErrorCode.Invalid, e.Code);
            Assert.Equal("InvalidArgument", e.CategoryName);
            Assert.NotEmpty(e.Message);
        }

        [Theory]
        [InlineData(VpnLintErrorCode.NotFound, "ObjectNotFound")]
        [InlineData(VpnLintErrorCode.Parse, "InvalidData")]
        [InlineData(VpnLintErrorCode.Access, "PermissionDenied")]
        [InlineData(VpnLintErrorCode.Unsupported, "NotImplemented")]
        [InlineData(VpnLintErrorCode.Invalid, "InvalidArgument")]
        [InlineData(VpnLintErrorCode.TooBig, "LimitsExceeded")]
        [InlineData(VpnLintErrorCode.IO, "ReadError")]
        [InlineData(VpnLintErrorCode.Error, "NotSpecified")]
        public void ErrorCodesMapToErrorCategories(VpnLintErrorCode code, string category)
        {
            Assert.Equal(category, ErrorMapping.CategoryName(code));
        }

        [Fact]
        public void CodesFromTheLibraryMapToTheirEnumValuesAndUnknownOnesToTheFallback()
        {
            // ToKind/ToErrorCode use range checks instead of Enum.IsDefined (reflection on the first
            // call); a member added to either enum without widening the range fails here.
            for (int v = -40; v <= 40; v++)
            {
                Assert.Equal(Enum.IsDefined(typeof(VpnLintKind), v) ? (VpnLintKind)v : VpnLintKind.Unknown, NativeReport.ToKind(v));
                Assert.Equal(Enum.IsDefined(typeof(VpnLintErrorCode), v) ? (VpnLintErrorCode)v : VpnLintErrorCode.Error,
                             NativeReport.ToErrorCode(v));
            }
            Assert.Equal(VpnLintKind.Unknown, NativeReport.ToKind(int.MinValue));
            Assert.Equal(VpnLintErrorCode.Error, NativeReport.ToErrorCode(int.MaxValue));
        }

        [Fact]
        public void AnUnknownReturnCodeBecomesAnErrorWithAMessage()
        {
            NativeMethods.vpnlint_error_clear();
            VpnLintException e = VpnLintException.FromLastError(-77);
            Assert.Equal(VpnLintErrorCode.Error, e.Code);
            Assert.Contains("-77", e.Message);
        }

        [Fact]
        public void RenderedStringsAreCopiedAndFreedByTheLibrary()
        {
            // Renders many times: a double free or a leak of vpnlint_free'd memory would crash or grow.
            for (int i = 0; i < 200; i++)
            {
                Assert.Contains("PX001", RuleCatalog.Render(VpnLintFormat.Text), StringComparison.Ordinal);
            }
        }
    }
}
