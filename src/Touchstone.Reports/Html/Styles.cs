namespace Touchstone.Reports.Html;

/// <summary>The report's stylesheet, inlined into the page.</summary>
internal static class Styles
{
    public const string Css = """
        body{font-family:"DejaVu Sans",system-ui,sans-serif;margin:0;color:#1b1f23;background:#fafafa}
        header,main,footer{max-width:1320px;margin:0 auto;padding:12px 24px}
        h1{font-size:1.5em;margin:.4em 0}h2{border-bottom:2px solid #d0d7de;padding-bottom:4px;margin-top:1.6em}
        h3{margin:1.2em 0 .4em}
        dl.run-header{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0}
        dt{font-weight:600;color:#57606a}dd{margin:0}
        .gate{font-weight:600;padding:6px 10px;border-radius:4px;display:inline-block}
        .gate.pass{background:#dafbe1}.gate.fail{background:#ffebe9}.gate.none{background:#eaeef2}
        nav{margin-top:8px}
        .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:12px}
        figure.chart{margin:0;background:#fff;border:1px solid #d0d7de;border-radius:4px;padding:4px;min-width:0}
        figure.chart[data-kind=verdict]{grid-column:1/-1;max-width:900px}
        figure.chart svg{display:block;width:100%;height:auto}
        table{border-collapse:collapse;background:#fff;font-size:.88em;margin:6px 0}
        th,td{border:1px solid #d0d7de;padding:3px 7px;text-align:left;vertical-align:top}
        th{background:#f3f4f6}
        td.verdict{font-weight:700;white-space:nowrap}
        .regressed,.failed,.diverged{color:#b42318}.improved{color:#1a7f37}.nochange{color:#1f5fa8}
        .inconclusive{color:#b35900}.stale,.missing{color:#6e7781}
        td.details{font-size:.9em;color:#57606a;max-width:420px}
        tr.reported td{color:#57606a}
        pre{white-space:pre-wrap;margin:0;font-size:.9em}
        .note{color:#57606a;font-size:.9em}
        footer{color:#57606a;font-size:.85em}
        """;
}
