// aws/timeargument: --start-time / --end-time (ISO 8601, a date, epoch seconds, or a span back
// from now such as 90m). When the time-argument rule moves to a parser the window shares, this
// target follows it.
// Invariants: a result is valid exactly when no error is given; it is UTC; a span lies in the
// past; the result written as ISO 8601 (as SyncDeck prints it) parses back to the same instant.
#include "fuzzsupport.h"

#include "aws/timeargument.h"

#include <QRegularExpression>

using namespace syncdeck;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    syncdeck::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QDateTime now(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    QString error;
    const QDateTime t = aws::parseTimeArgument(text, now, &error);
    FUZZ_CHECK(t.isValid() == error.isEmpty(), error);
    if (!t.isValid())
        return 0;
    FUZZ_CHECK(t.timeSpec() == Qt::UTC, t.toString(Qt::ISODateWithMs));
    static const QRegularExpression span(QStringLiteral("^\\s*\\d+[smhdw]\\s*$"));
    if (span.match(text).hasMatch())
        FUZZ_CHECK(t <= now, t.toString(Qt::ISODateWithMs));
    if (t.date().year() >= 1 && t.date().year() <= 9999) {
        const QString printed = t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
        QString again;
        FUZZ_CHECK(aws::parseTimeArgument(printed, now, &again) == t, printed + u' ' + again);
    }
    return 0;
}
