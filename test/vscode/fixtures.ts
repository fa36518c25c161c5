/** A .spl file the runner writes into the workspace copy, with one syntax and one macro error. */
export const problemsFile = 'problems.spl';
export const problemsText = '`sysmon` EventCode=15\n| statz count\n| `no_such_macro`\n';
/** The codes the language server reports for problemsText (`sysmon` is defined in sample-data). */
export const problemsCodes = ['spl.macro.undefined', 'spl.syntax.unknown-command'];

export const wermgrFile = 'detections/windows_wermgr_alternate_data_stream_in_temp_dir.spl';
/** Text only the sample `sysmon` macro's definition holds (sample-data/macros/security_content/sysmon.yml). */
export const sysmonDefinitionText = 'source=XmlWinEventLog:Microsoft-Windows-Sysmon/Operational';
