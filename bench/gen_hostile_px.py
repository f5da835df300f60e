#!/usr/bin/env python3
"""Writes a large hostile ProfileXML for timing the ProfileXML path: one list
that a rule or the model walks grows to N entries, inside
profiles/profilexml/good/user-ikev2-peap-tls-split.xml.
Usage: gen_hostile_px.py CASE N OUT

cases:
  strays-one      N stray texts between the elements of <VPNProfile>, one a line
  strays-oneline  the same, all on one line
  strays-routes   N <Route> containers with two distinct stray texts each
  strays-amp      N <Route> containers with a stray text starting with &amp;
  strays-lens     the same with 0 to 44 more bytes: every pattern length
  dni             N DomainNameInformation entries, half of them repeated in
                  another case (PX046)
  dnssuffix       a DnsSuffix of N names and N DomainNames (PX047)
  eku             N EKUMap and N EKUMapInList names (PX105)
  peap            N ServerNames and N TrustedRootCA, outer and inner (PX112)
  protolist       a ProtocolList of N NativeProtocol entries (PX076)
  gateway         Servers with N names, EAP ServerNames with N names (PX110)
  apps            N TrafficFilters with <App>path</App> text (PX020, PX022)
  eaptype         N TrustedRootCA in an <Eap> whose <Type> follows its EapType (PX100)
  names-oneline   N distinct unknown elements on the profile's last line (PX020)
  disables        N invalid <Route>s, each after a vpnlint-disable comment naming
                  another rule (N findings x N ranges)"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATE = os.path.join(os.path.dirname(HERE), "profiles", "profilexml", "good",
                        "user-ikev2-peap-tls-split.xml")
ROOT = "  <AlwaysOn>true</AlwaysOn>\n"
DNI = "  <DomainNameInformation>\n    <DomainName>.corp.example.com</DomainName>\n"
TLS_SV = ("                        <ServerNames>nps.corp.example.com</ServerNames>\n"
          "                        <TrustedRootCA>5a 86 2f 38 a1 1b 4e 0c 94 d7 7b 3f 4d 12 c6 0a "
          "9e 5b 3d 21 </TrustedRootCA>\n")
PEAP_SV = TLS_SV.replace(" " * 24, " " * 20)
THUMB = "5a 86 2f 38 a1 1b 4e 0c 94 d7 7b 3f 4d 12 c6 0a 9e 5b 3d 21 "


def thumb(i):
    return "%s%08x" % (THUMB.replace(" ", "")[:32], i)


def gen(case, n):
    with open(TEMPLATE, encoding="ascii") as f:
        t = f.read()
    assert t.count(PEAP_SV) == 1 and t.count(TLS_SV) == 1  # outer PEAP, inner EAP-TLS
    if case in ("strays-one", "strays-oneline"):
        block = "".join("  <AlwaysOn>true</AlwaysOn>s%d\n" % i for i in range(n))
        if case == "strays-oneline":
            block = block.replace("\n", "") + "\n"
        return t.replace(ROOT, ROOT + block, 1)
    if case in ("strays-routes", "strays-amp", "strays-lens"):
        if case == "strays-lens":
            fmt = "  <Route>&amp;%s<Address>10.%d.%d.0</Address><PrefixSize>24</PrefixSize></Route>\n"
            block = "".join(fmt % ("y" * (i % 45), i >> 8 & 255, i & 255) for i in range(n))
        elif case == "strays-routes":
            fmt = "  <Route>a%d<Address>10.%d.%d.0</Address>b%d<PrefixSize>24</PrefixSize></Route>\n"
            block = "".join(fmt % (i, i >> 8 & 255, i & 255, i) for i in range(n))
        else:
            fmt = "  <Route>&amp;x%d<Address>10.%d.%d.0</Address><PrefixSize>24</PrefixSize></Route>\n"
            block = "".join(fmt % (i, i >> 8 & 255, i & 255) for i in range(n))
        return t.replace("</VPNProfile>", block + "</VPNProfile>")
    if case == "dni":
        half = max(n // 2, 1)
        block = "".join("  <DomainNameInformation><DomainName>%s</DomainName>"
                        "<DnsServers>10.10.0.10</DnsServers></DomainNameInformation>\n" %
                        (("d%d.corp.example.com" % i) if i < half else
                         ("D%d.Corp.Example.com" % (i - half))) for i in range(n))
        return t.replace(DNI, block + DNI, 1)
    if case == "dnssuffix":
        suffixes = ",".join("s%d.example.com" % i for i in range(n))
        t = t.replace("<DnsSuffix>corp.example.com</DnsSuffix>",
                      "<DnsSuffix>%s</DnsSuffix>" % suffixes, 1)
        block = "".join("  <DomainNameInformation><DomainName>S%d.example.com</DomainName>"
                        "<DnsServers>10.10.0.10</DnsServers></DomainNameInformation>\n" %
                        (i * 7 % (2 * n)) for i in range(n))
        return t.replace(DNI, block + DNI, 1)
    if case == "eku":
        maps = "".join("<EKUMap><EKUName>Name %d</EKUName><EKUOID>1.3.6.1.4.1.311.%d</EKUOID>"
                       "</EKUMap>\n" % (i, i) for i in range(n))
        ins = "".join("<EKUMapInList><EKUName>%s %d</EKUName></EKUMapInList>\n" %
                      ("Name" if i % 3 == 0 else "NAME" if i % 3 == 1 else "Other", n - 1 - i)
                      for i in range(n))
        t = t.replace("<EKUMapping>\n", "<EKUMapping>\n" + maps, 1)
        return t.replace('<ClientAuthEKUList Enabled="true">\n',
                         '<ClientAuthEKUList Enabled="true">\n' + ins, 1)
    if case == "peap":
        names = ["s%d.corp.example.com" % i for i in range(n)]
        outer = ("<ServerNames>%s</ServerNames>\n" % ";".join(names) +
                 "".join("<TrustedRootCA>%s</TrustedRootCA>\n" % thumb(i) for i in range(n)))
        inner = ("<ServerNames>%s</ServerNames>\n" % ";".join(reversed(names)) +
                 "".join("<TrustedRootCA>%s</TrustedRootCA>\n" % thumb(n - 1 - i)
                         for i in range(n)))
        return t.replace(PEAP_SV, outer, 1).replace(TLS_SV, inner, 1)
    if case == "protolist":
        block = "".join("<NativeProtocol><Type>P%d</Type></NativeProtocol>\n" % i
                        for i in range(n))
        t = t.replace("<NativeProtocolType>IKEv2</NativeProtocolType>",
                      "<NativeProtocolType>ProtocolList</NativeProtocolType>\n"
                      "<ProtocolList>\n" + block + "</ProtocolList>", 1)
        return t
    if case == "gateway":
        servers = ",".join("vpn%d.example.com" % i for i in range(n))
        names = ";".join("nps%d.example.com" % i for i in range(n))
        t = t.replace("<Servers>vpn.example.com</Servers>", "<Servers>%s</Servers>" % servers, 1)
        return t.replace("<ServerNames>nps.corp.example.com</ServerNames>",
                         "<ServerNames>%s</ServerNames>" % names, 1)
    if case == "apps":
        block = "".join("  <TrafficFilter><App>C:\\app%d.exe</App></TrafficFilter>\n" % i
                        for i in range(n))
        return t.replace("</VPNProfile>", block + "</VPNProfile>")
    if case == "eaptype":
        roots = "".join("<TrustedRootCA>%s</TrustedRootCA>\n" % thumb(i) for i in range(n))
        t = t.replace(TLS_SV, roots, 1)
        # the inner Eap: its <Type> after its EapType
        t = t.replace("                    <Type>13</Type>\n", "", 1)
        return t.replace("                    </EapType>\n                  </Eap>",
                         "                    </EapType>\n<Type>13</Type>\n"
                         "                  </Eap>", 1)
    if case == "names-oneline":
        block = "".join("<Unknown%d/>" % i for i in range(n))
        return t.replace("</VPNProfile>", block + "</VPNProfile>")
    if case == "disables":
        block = "".join("<!-- vpnlint-disable PX001 --><Route><Address>10.%d.0.300</Address>"
                        "<PrefixSize>8</PrefixSize></Route>\n" % (i % 250) for i in range(n))
        return t.replace("</VPNProfile>", block + "</VPNProfile>")
    raise SystemExit("unknown case %r\n\n%s" % (case, __doc__))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    text = gen(sys.argv[1], int(sys.argv[2]))
    tmp = sys.argv[3] + ".part"
    with open(tmp, "w", encoding="ascii", newline="") as f:
        f.write(text)
    os.replace(tmp, sys.argv[3])
    print("%s: %s x %s, %d bytes" % (sys.argv[3], sys.argv[1], sys.argv[2], len(text)))
