/* kb_mdm.c — deployment errors: Intune (SyncML status as HRESULT) and the
 * WMI bridge (MDM_VPNv2_01 CreateInstance via PowerShell). Sources:
 * shared/reference/profilexml.md §5.6 (azure-docs#109759, richardhicks/aovpn
 * #24 and #30, DPC #42). */
#include "kb/kb.h"

#define INTUNE "--target intune"
#define WMI "--target wmi"

#define CAUSE_NOT_WELL_FORMED(args)                                                                \
    {                                                                                              \
        .text =                                                                                    \
            "The ProfileXML is not well-formed XML (mismatched tags, a raw '&', an undeclared "    \
            "prefix).",                                                                            \
        .on = VL_KB_ON_PROFILE, .check = "PX001",                                                  \
        .fix = "Fix the XML at the line and column PX001 gives (write & as &amp;).",               \
        .lint_args = args                                                                          \
    }
#define CAUSE_HIDDEN_CHARACTERS(args)                                                              \
    {                                                                                              \
        .text =                                                                                    \
            "The ProfileXML contains non-ASCII, control or zero-width characters (often pasted "   \
            "from a web page, chat or a word processor).",                                         \
        .on = VL_KB_ON_PROFILE, .check = "PX006", .fix = "Retype or remove those characters.",     \
        .lint_args = args                                                                          \
    }
#define CAUSE_ELEMENT_NAMES(args)                                                                  \
    {                                                                                              \
        .text = "An element name is misspelt, in the wrong case or in the wrong place, including " \
                "the root element (it must be <VPNProfile>, without a namespace).",                \
        .on = VL_KB_ON_PROFILE, .check = "PX020 PX002",                                            \
        .fix = "Correct the element name (mind the case) or move it where it belongs.",            \
        .lint_args = args                                                                          \
    }
#define CAUSE_VALUES_AND_STRUCTURE(args)                                                           \
    {                                                                                              \
        .text = "A value or the structure is not what the schema allows: an unknown enumerated "   \
                "value, a number out of range, a boolean not written as lowercase true/false, a "  \
                "required element missing or one repeated.",                                       \
        .on = VL_KB_ON_PROFILE, .check = "PX026 PX027 PX025 PX022 PX021 PX023",                    \
        .fix = "Correct the values and elements the findings name.", .lint_args = args             \
    }
#define CAUSE_EAP_NAMESPACE(args)                                                                  \
    {                                                                                              \
        .text =                                                                                    \
            "An EAP configuration element has a missing or wrong namespace URI (e.g. https:// "    \
            "instead of http://, a wrong V1/V2/V3 suffix).",                                       \
        .on = VL_KB_ON_PROFILE, .check = "PX100",                                                  \
        .fix = "Use the exact namespace URIs of an EAP configuration exported from Windows.",      \
        .lint_args = args                                                                          \
    }

static const vl_kb_cause c87D101F4[] = {
    CAUSE_NOT_WELL_FORMED(INTUNE),
    {.text = "The ProfileXML is saved as UTF-16 or with a byte-order mark, or has blank lines or "
             "an XML declaration before <VPNProfile>.",
     .on = VL_KB_ON_PROFILE,
     .check = "PX003 PX004",
     .fix = "Save it as UTF-8 without BOM, starting with <VPNProfile>, before pasting it into "
            "Intune.",
     .lint_args = INTUNE},
    CAUSE_HIDDEN_CHARACTERS(INTUNE),
    {.text = "Windows 11 rejects ProfileXML with line breaks and indentation when it comes "
             "through Intune.",
     .on = VL_KB_ON_PROFILE,
     .check = "PX005",
     .how = "PX005 reports line breaks only with `--target intune` (line breaks are valid XML).",
     .fix = "Put the whole ProfileXML on one line.",
     .lint_args = INTUNE},
    CAUSE_ELEMENT_NAMES(INTUNE),
    CAUSE_EAP_NAMESPACE(INTUNE),
    {.text = "The profile name in the OMA-URI contains characters that must be URL-encoded, or the "
             "OMA-URI itself is wrong.",
     .on = VL_KB_ON_DEPLOY,
     .how = "The OMA-URI is in the Intune policy, not in the XML vpnlint reads: it must read "
            "./User/Vendor/MSFT/VPNv2/NAME/ProfileXML (or ./Device/...) with spaces as %20.",
     .fix = "Correct the OMA-URI and encode the name."},
    CAUSE_VALUES_AND_STRUCTURE(INTUNE),
    {.text = "The whole profile is entity-escaped (&lt;VPNProfile&gt;), but Intune's custom XML "
             "setting expects plain XML.",
     .on = VL_KB_ON_PROFILE,
     .check = "PX007",
     .fix = "Paste the plain XML, starting with <VPNProfile>.",
     .lint_args = INTUNE},
};

static const vl_kb_cause cMiFailed[] = {
    CAUSE_NOT_WELL_FORMED(WMI),
    {.text = "The profile contains &amp;, &lt; or &gt;, which the usual deployment scripts "
             "(VPN_Profile.ps1 and its copies) turn into a raw '&' or '<' when they escape the "
             "XML.",
     .on = VL_KB_ON_PROFILE,
     .check = "PX008",
     .how = "PX008 is a warning with `--target wmi`.",
     .fix = "Replace the entity (e.g. write 'and' in comments), or use a script that escapes '&' "
            "too (SecurityElement.Escape).",
     .lint_args = WMI},
    CAUSE_HIDDEN_CHARACTERS(WMI),
    {.text = "The ProfileXML was escaped twice (it already contains &lt;VPNProfile&gt; and the "
             "script escapes it again).",
     .on = VL_KB_ON_PROFILE,
     .check = "PX007",
     .fix = "Pass the raw XML and let the script escape it once.",
     .lint_args = WMI},
    {.text = "The script does not run as SYSTEM (device tunnel) or as the signed-in user (user "
             "tunnel), so the MDM bridge refuses.",
     .on = VL_KB_ON_DEVICE | VL_KB_ON_DEPLOY,
     .check = "DEV008",
     .how = "Run `vpnlint detect` in the same session the script ran in: DEV008 names the account "
            "and what it can see. Device profiles need SYSTEM (e.g. PsExec -s -i).",
     .fix = "Run the deployment in the right context."},
    CAUSE_ELEMENT_NAMES(WMI),
    CAUSE_EAP_NAMESPACE(WMI),
    {.text = "A profile with the same name already exists.",
     .on = VL_KB_ON_DEVICE | VL_KB_ON_DEPLOY,
     .how = "vpnlint detect lints the installed profiles but does not compare them with what a "
            "script is about to create. Run `Get-CimInstance -Namespace root\\cimv2\\mdm\\dmmap "
            "-ClassName MDM_VPNv2_01` and look for the InstanceID.",
     .fix = "Remove the existing instance first, or update it with Set-CimInstance."},
    CAUSE_VALUES_AND_STRUCTURE(WMI),
    {.text = "ProfileName contains a character a connection name cannot have (| > < ? * \\ / :), "
             "starts with a dot, or has no letter or digit.",
     .on = VL_KB_ON_PROFILE,
     .check = "PX057",
     .how = "The name in the WMI InstanceID is outside the XML and is not checked.",
     .fix = "Rename the profile.",
     .lint_args = WMI},
};

static const vl_kb_cause cMiNotFound[] = {
    {.text = "A device tunnel was removed incompletely and is being re-created: the old MDM "
             "instance or phonebook entry is still there.",
     .on = VL_KB_ON_DEVICE | VL_KB_ON_DEPLOY,
     .how = "vpnlint detect lints the installed profiles and phonebooks but cannot tell a leftover "
            "from a wanted one. Run `Get-CimInstance -Namespace root\\cimv2\\mdm\\dmmap "
            "-ClassName MDM_VPNv2_01` as SYSTEM and look for the all-users phonebook "
            "%ProgramData%\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk entry of the same "
            "name.",
     .fix = "Remove the leftover MDM instance (Remove-CimInstance) and the phonebook entry "
            "(Remove-VpnConnection -AllUserConnection), then deploy again."},
    {.text = "The script addresses the profile under a different name than it was created with "
             "(the InstanceID is the URL-encoded profile name).",
     .on = VL_KB_ON_DEPLOY,
     .how = "The name a script uses is not in any file vpnlint reads. Compare the InstanceID in "
            "the CIM query with the name the script uses.",
     .fix = "Use the exact, URL-encoded name (spaces as %20)."},
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
