#pragma once

// Shared by every fuzz target: a quiet QCoreApplication, invariant checks that crash (so that
// libFuzzer keeps the input), and the input splitting the targets agree on.
#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace syncdeck::fuzz {

// Some parsers use QObject machinery (timers, queued calls) or translations; a warning for every
// malformed input would only slow the fuzzer down and bury its own output.
inline void initialize(int *argc, char ***argv)
{
    static QCoreApplication *app = nullptr;
    if (app)
        return;
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &text) {
        if (type == QtFatalMsg) {
            std::fprintf(stderr, "qFatal: %s\n", qPrintable(text));
            std::abort();
        }
    });
    app = new QCoreApplication(*argc, *argv);
}

// A broken invariant is a bug like a crash: print what failed and abort, so that libFuzzer
// writes the input out as a crash artifact and the replay test fails.
[[noreturn]] inline void invariantFailed(const char *file, int line, const char *what,
                                         const QString &detail)
{
    std::fprintf(stderr, "%s:%d: invariant failed: %s\n", file, line, what);
    if (!detail.isEmpty())
        std::fprintf(stderr, "  %s\n", qPrintable(detail.left(2000)));
    std::abort();
}

#define FUZZ_CHECK(condition, detail)                                                              \
    do {                                                                                           \
        if (!(condition))                                                                          \
            ::syncdeck::fuzz::invariantFailed(__FILE__, __LINE__, #condition, (detail));           \
    } while (false)

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Splits at the first `count - 1` NUL bytes: the targets that read several texts (a config and
// a credentials file, a header block and a body) take them NUL-separated. Missing parts are null.
inline QList<QByteArray> parts(const QByteArray &input, int count)
{
    QList<QByteArray> out;
    qsizetype from = 0;
    for (int i = 0; i + 1 < count; ++i) {
        const qsizetype nul = input.indexOf('\0', from);
        if (nul < 0)
            break;
        out.append(input.sliced(from, nul - from));
        from = nul + 1;
    }
    out.append(from <= input.size() ? input.sliced(from) : QByteArray());
    while (out.size() < count)
        out.append(QByteArray());
    return out;
}

// A secret may only be checked for leaks when the input holds it at most once (where it is
// defined, or not at all when it was decoded from an escaped form): otherwise the input itself
// may put the same text into a message legitimately, as another value.
inline bool isCheckableSecret(const QString &secret, const QString &wholeInput)
{
    return secret.size() >= 8 && wholeInput.count(secret) <= 1;
}

} // namespace syncdeck::fuzz
