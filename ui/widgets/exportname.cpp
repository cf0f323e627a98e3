#include "exportname.h"

namespace syncdeck::ui {

namespace {
// Room for the date, the kind of export and a folder within the usual 255-byte name limit,
// even when every character of the data source takes three bytes in UTF-8.
constexpr int MaxPartLength = 60;
} // namespace

QString fileNamePart(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool gap = false;
    const QList<uint> codePoints = text.toUcs4();
    for (const uint c : codePoints) {
        // Letters and digits of any script, and "." "_" inside a part; everything else ("/",
        // "\\", ":", "*", "?", quotes, "<>|", spaces, control and format characters) is a gap.
        const bool keep = QChar::isLetterOrNumber(c) || c == u'_' || c == u'.';
        if (!keep) {
            gap = !out.isEmpty();
            continue;
        }
        if (gap)
            out += u'-';
        gap = false;
        const char32_t codePoint = c;
        out += QString::fromUcs4(&codePoint, 1);
    }
    // No leading dot (a hidden file) and no trailing one (Windows drops it).
    while (out.startsWith(u'.') || out.startsWith(u'-'))
        out.remove(0, 1);
    if (out.size() > MaxPartLength)
        out.truncate(MaxPartLength);
    if (!out.isEmpty() && out.back().isHighSurrogate())
        out.chop(1);
    while (out.endsWith(u'.') || out.endsWith(u'-'))
        out.chop(1);
    return out;
}

QString proposedExportName(const QString &dataSource, const QString &what, const QDateTime &at,
                           const QString &suffix)
{
    QStringList parts = {QStringLiteral("syncdeck")};
    for (const QString &part : {dataSource, what}) {
        if (const QString safe = fileNamePart(part); !safe.isEmpty())
            parts << safe;
    }
    parts << at.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmm"));
    return parts.join(u'-') + u'.' + suffix;
}

} // namespace syncdeck::ui
