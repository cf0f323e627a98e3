#include "terminalprompt.h"

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#define SYNCDECK_ISATTY(fd) _isatty(fd)
#else
#include <unistd.h>
#define SYNCDECK_ISATTY(fd) isatty(fd)
#endif

namespace syncdeck::cli {

aws::MfaPrompt terminalMfaPrompt(QTextStream &err)
{
    if (!SYNCDECK_ISATTY(fileno(stdin)))
        return {};
    return [&err](const aws::MfaRequest &request, aws::MfaAnswer answer) {
        err << "Enter MFA code for " << request.serialNumber << ": ";
        err.flush();
        // Blocking is fine here: the CLI has nothing else to do until the code is typed.
        QTextStream in(stdin);
        const QString code = in.readLine();
        answer(code.trimmed().isEmpty() ? std::nullopt : std::optional<QString>(code.trimmed()));
    };
}

} // namespace syncdeck::cli
