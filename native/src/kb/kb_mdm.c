/* kb_mdm.c — deployment errors: Intune (SyncML status as HRESULT) and the
 * WMI bridge (MDM_VPNv2_01 CreateInstance via PowerShell). Sources:
 * shared/reference/profilexml.md §5.6 (azure-docs#109759, richardhicks/aovpn
 * #24 and #30, DPC #42). */
#include "kb/kb.h"

static const vl_kb_cause c87D101F4[] = {
    {"The ProfileXML is not well-formed XML (mismatched tags, a raw '&').", "PX001", "",
     "Fix the XML; `vpnlint lint` shows the line."},
    {"The ProfileXML is saved as UTF-16 or with a byte-order mark.", NULL,
     "vpnlint has no rule for this yet: `vpnlint lint --format json` reports the file's encoding; "
     "it must be utf-8, not utf-16le/utf-16be or utf-8-bom.",
     "Save it as UTF-8 without BOM before pasting it into Intune."},
    {"Windows 11 rejects ProfileXML with line breaks and indentation when it comes through "
     "Intune.",
     NULL,
     "vpnlint has no rule for this yet: check whether the ProfileXML pasted into Intune spans "
     "several lines or is indented.",
     "Put the whole ProfileXML on one line."},
    {"The ProfileXML contains non-ASCII, control or zero-width characters (often pasted from a "
     "web page or a word processor).",
     NULL,
     "vpnlint has no rule for this yet: search the XML for characters outside printable ASCII "
     "(e.g. `grep -nP '[^\\x20-\\x7E\\t]'`), including non-breaking and zero-width spaces.",
     "Retype or remove those characters."},
    {"An element name is misspelt or unknown (names are case-sensitive).", NULL,
     "vpnlint has no rule for this yet: compare every element name with the VPNv2 CSP ProfileXML "
     "schema; names are case-sensitive (e.g. DomainNameInformation, not "
     "DomainNameInformationList).",
     "Correct the element name (mind the case)."},
    {"The profile name in the OMA-URI contains characters that must be URL-encoded, or the "
     "OMA-URI itself is wrong.",
     NULL,
     "The OMA-URI is in the Intune policy, not in the XML: it must read "
     "./User/Vendor/MSFT/VPNv2/NAME/ProfileXML (or ./Device/...) with spaces as %20.",
     "Correct the OMA-URI and encode the name."},
};

static const vl_kb_cause cMiFailed[] = {
    {"The ProfileXML is not well-formed XML, often a raw '&' in a value.", "PX001", "",
     "Fix the XML (write & as &amp;)."},
    {"The ProfileXML contains characters the MDM bridge rejects.", NULL,
     "vpnlint has no rule for this yet: search the XML for characters outside printable ASCII "
     "(e.g. `grep -nP '[^\\x20-\\x7E\\t]'`), including non-breaking and zero-width spaces.",
     "Remove the non-ASCII or invisible characters."},
    {"The ProfileXML was escaped twice (it already contains &lt;VPNProfile&gt; and the script "
     "escapes it again).",
     NULL,
     "vpnlint has no rule for this yet: check whether the text passed to the script already starts "
     "with &lt;VPNProfile&gt; instead of <VPNProfile>.",
     "Pass the raw XML and let the script escape it once."},
    {"The script does not run as SYSTEM (device tunnel) or as the user with administrator "
     "rights in the user's session (user tunnel), so the MDM bridge refuses.",
     NULL,
     "The account a script ran as is not visible to vpnlint: check with `whoami` in the same "
     "session; device profiles need SYSTEM (e.g. PsExec -s -i).",
     "Run the deployment in the right context."},
    {"A profile with the same name already exists.", NULL,
     "Run `Get-CimInstance -Namespace root\\cimv2\\mdm\\dmmap -ClassName MDM_VPNv2_01` and look "
     "for the InstanceID.",
     "Remove the existing instance first, or update it with Set-CimInstance."},
};

static const vl_kb_cause cMiNotFound[] = {
    {"A device tunnel was removed incompletely and is being re-created: the old MDM instance or "
     "phonebook entry is still there.",
     NULL,
     "Run `Get-CimInstance -Namespace root\\cimv2\\mdm\\dmmap -ClassName MDM_VPNv2_01` as SYSTEM "
     "and look for the all-users phonebook %ProgramData%\\Microsoft\\Network\\Connections\\Pbk\\"
     "rasphone.pbk entry of the same name.",
     "Remove the leftover MDM instance (Remove-CimInstance) and the phonebook entry "
     "(Remove-VpnConnection -AllUserConnection), then deploy again."},
    {"The script addresses the profile under a different name than it was created with (the "
     "InstanceID is the URL-encoded profile name).",
     NULL, "Compare the InstanceID in the CIM query with the name the script uses.",
     "Use the exact, URL-encoded name (spaces as %20)."},
};

static const vl_kb_entry mdm_entries[] = {
    {"0x87D101F4", 0x87D101F4u, true, "SyncML(500)",
     "Syncml(500): The recipient encountered an unexpected condition which prevented it from "
     "fulfilling the request.",
     "Intune delivered the VPNv2 profile but Windows could not apply it; the device's "
     "DeviceManagement-Enterprise-Diagnostics-Provider log (event 404) usually says it was "
     "unable to parse the requested XML data.",
     "unable to parse the requested XML data|-2016345612",
     "Intune device configuration status; event 404 on the device", VL_KB_CAUSES(c87D101F4)},
    {"MI_RESULT_FAILED", 0, false, "MI_RESULT_FAILED",
     "A general error occurred that is not covered by a more specific error code.",
     "New-CimInstance (CreateInstance) of MDM_VPNv2_01 failed; the MDM bridge does not say why, "
     "and it is almost always the ProfileXML.",
     "CreateInstance general error|wmi-general-error|CIM_ERR_FAILED",
     "PowerShell: New-CimInstance / CreateInstance of MDM_VPNv2_01", VL_KB_CAUSES(cMiFailed)},
    {"MI_RESULT_NOT_FOUND", 0, false, "MI_RESULT_NOT_FOUND",
     "The requested object could not be found.",
     "The WMI bridge could not find the VPN profile instance it was asked to create or change.",
     "CreateInstance not found|wmi-not-found|CIM_ERR_NOT_FOUND",
     "PowerShell: New-CimInstance / CreateInstance of MDM_VPNv2_01", VL_KB_CAUSES(cMiNotFound)},
};

const vl_kb_area vl_kb_area_mdm = {"mdm", "Deployment: Intune and WMI (MDM_VPNv2_01)", mdm_entries,
                                   VL_ARRAY_LEN(mdm_entries)};
