// aws/shellwords: the credential_process command line, split the way a POSIX shell (and the AWS
// CLI's shlex) splits it, since the helper runs without a shell.
// Invariants: a split gives at least one argument; the arguments, each quoted back in single
// quotes and joined with spaces, split to the same arguments; a refusal says why.
#include "fuzzsupport.h"

#include "aws/shellwords.h"

using namespace syncdeck::aws;

namespace {

QString quoted(const QString &argument)
{
    QString out = QStringLiteral("'");
    for (const QChar c : argument) {
        if (c == u'\'')
            out += QStringLiteral("'\\''");
        else
            out += c;
    }
    return out + u'\'';
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    syncdeck::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString command
        = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QStringList arguments;
    QString error;
    if (!splitShellWords(command, &arguments, &error)) {
        FUZZ_CHECK(!error.isEmpty(), command);
        return 0;
    }
    FUZZ_CHECK(!arguments.isEmpty() && error.isEmpty(), command);
    QStringList quotedArguments;
    for (const QString &a : std::as_const(arguments))
        quotedArguments.append(quoted(a));
    QStringList again;
    FUZZ_CHECK(splitShellWords(quotedArguments.join(u' '), &again, &error), error);
    FUZZ_CHECK(again == arguments,
               arguments.join(QStringLiteral("\u2423")) + QStringLiteral(" != ")
                   + again.join(QStringLiteral("\u2423")));
    return 0;
}
