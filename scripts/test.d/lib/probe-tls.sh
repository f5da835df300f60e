# probe-tls.sh — fixtures for the SSTP/TLS probe tests (sourced by
# scripts/test.d/70-probe.sh and 75-probe-wine.sh; not a suite itself).
# probe_tls_fixtures DIR: in DIR, a test CA setup with two roots (TrustedRoot,
# OtherRoot) and leaf certificates good, clientonly (clientAuth EKU only),
# wrongname (SAN other.test), untrusted (issued by OtherRoot) and expired
# (2020-2021), all for vpn.test; sstp.xml, an SSTP profile for vpn.test
# whose TrustedRootCA is TrustedRoot's thumbprint; sstp.py, a minimal SSTP
# front (TLS, answers SSTP_DUPLEX_POST with HTTP 200, MS-SSTP 3.2.5.1;
# mode "web" answers 404). Returns non-zero when a certificate is missing.
probe_tls_fixtures() {
local T=$1
(
cd "$T"
cat >ca.cnf <<'EOF'
[ca]
default_ca = CA_default
[CA_default]
dir = .
database = index.txt
new_certs_dir = newcerts
serial = serial
default_md = sha256
policy = policy_any
copy_extensions = copy
unique_subject = no
[policy_any]
commonName = supplied
[v3_server]
basicConstraints = CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = DNS:vpn.test
EOF
mkdir -p newcerts; : >index.txt; echo 1000 >serial
mkroot() { # NAME
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.pem" -days 30 \
    -subj "/CN=$1" -addext basicConstraints=critical,CA:TRUE -addext keyUsage=keyCertSign,cRLSign 2>/dev/null
}
mkleaf() { # NAME ROOT EKU SAN [startdate enddate]
  openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj "/CN=$1" 2>/dev/null
  printf 'basicConstraints = CA:FALSE\nextendedKeyUsage = %s\nsubjectAltName = %s\n' "$3" "$4" >"$1.ext"
  if [ $# -ge 6 ]; then
    openssl ca -batch -config ca.cnf -cert "$2.pem" -keyfile "$2.key" -in "$1.csr" -out "$1.pem" \
      -startdate "$5" -enddate "$6" -extfile "$1.ext" -notext >/dev/null 2>&1
  else
    openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2.key" -CAcreateserial -out "$1.pem" \
      -days 30 -extfile "$1.ext" 2>/dev/null
  fi
}
mkroot TrustedRoot
mkroot OtherRoot
mkleaf good TrustedRoot serverAuth DNS:vpn.test
mkleaf clientonly TrustedRoot clientAuth DNS:vpn.test
mkleaf wrongname TrustedRoot serverAuth DNS:other.test
mkleaf untrusted OtherRoot serverAuth DNS:vpn.test
mkleaf expired TrustedRoot serverAuth DNS:vpn.test 20200101000000Z 20210101000000Z
for c in good clientonly wrongname untrusted expired; do
  [ -s "$c.pem" ] || { echo "certificate $c was not generated"; exit 1; }
done
THUMB=$(openssl x509 -in TrustedRoot.pem -noout -fingerprint -sha1 | sed 's/.*=//; s/://g' |
  tr 'A-F' 'a-f' | sed 's/../& /g')
cat >sstp.xml <<EOF
<VPNProfile>
  <NativeProfile>
    <Servers>vpn.test</Servers>
    <NativeProtocolType>SSTP</NativeProtocolType>
    <Authentication>
      <UserMethod>Eap</UserMethod>
      <Eap><Configuration>
        <EapHostConfig xmlns="http://www.microsoft.com/provisioning/EapHostConfig">
          <EapMethod>
            <Type xmlns="http://www.microsoft.com/provisioning/EapCommon">13</Type>
            <VendorId xmlns="http://www.microsoft.com/provisioning/EapCommon">0</VendorId>
            <VendorType xmlns="http://www.microsoft.com/provisioning/EapCommon">0</VendorType>
            <AuthorId xmlns="http://www.microsoft.com/provisioning/EapCommon">0</AuthorId>
          </EapMethod>
          <Config xmlns="http://www.microsoft.com/provisioning/EapHostConfig">
            <Eap xmlns="http://www.microsoft.com/provisioning/BaseEapConnectionPropertiesV1">
              <Type>13</Type>
              <EapType xmlns="http://www.microsoft.com/provisioning/EapTlsConnectionPropertiesV1">
                <ServerValidation>
                  <ServerNames>vpn.test</ServerNames>
                  <TrustedRootCA>$THUMB</TrustedRootCA>
                </ServerValidation>
              </EapType>
            </Eap>
          </Config>
        </EapHostConfig>
      </Configuration></Eap>
    </Authentication>
  </NativeProfile>
</VPNProfile>
EOF

) || return 1
# A minimal SSTP front: TLS, answers SSTP_DUPLEX_POST with HTTP 200 (MS-SSTP 3.2.5.1).
cat >"$T/sstp.py" <<'EOF'
import socket, ssl, sys
cert, key, chain, ready, mode = sys.argv[1:6]
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(chain, key)
ls = socket.socket(); ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind(("127.0.0.1", 443)); ls.listen(4)
open(ready, "w").close()
while True:
    c, _ = ls.accept()
    try:
        s = ctx.wrap_socket(c, server_side=True)
        req = b""
        while b"\r\n\r\n" not in req and len(req) < 8192:
            d = s.recv(4096)
            if not d: break
            req += d
        if mode == "sstp" and req.startswith(b"SSTP_DUPLEX_POST /sra_{BA195980-CD49-458b-9E23-C84EE0ADCD75}/ "):
            s.sendall(b"HTTP/1.1 200\r\nContent-Length: 18446744073709551615\r\nServer: Microsoft-HTTPAPI/2.0\r\n\r\n")
        else:
            s.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
        s.close()
    except Exception:
        c.close()
EOF
}
