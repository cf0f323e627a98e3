#include "terminalprompt.h"

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#define SYNCDECK_ISATTY(fd) _isatty(fd)
#else
#include <termios.h>
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
        // Blocking is fine here: the CLI has nothing else to do until the code is typed. The
        // code is not echoed, like a password prompt (and like the AWS CLI's).
#ifndef Q_OS_WIN
        termios saved {};
        const bool restore = tcgetattr(fileno(stdin), &saved) == 0;
        if (restore) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            tcsetattr(fileno(stdin), TCSANOW, &quiet);
        }
#endif
        QTextStream in(stdin);
        const QString code = in.readLine();
#ifndef Q_OS_WIN
        if (restore)
            tcsetattr(fileno(stdin), TCSANOW, &saved);
#endif
        err << '\n';
        answer(code.trimmed().isEmpty() ? std::nullopt : std::optional<QString>(code.trimmed()));
    };
}

} // namespace syncdeck::cli
