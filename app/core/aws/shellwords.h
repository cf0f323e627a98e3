#pragma once

#include <QStringList>

namespace syncdeck::aws {

// Splits a command line into arguments the way a POSIX shell would (and as the AWS CLI does for
// credential_process, with Python's shlex): whitespace separates, '...' is literal, "..." allows
// \" \\ \$ \` escapes, a backslash outside quotes escapes the next character. No expansion of
// variables, globs or ~ happens: the command is run without a shell. Returns false with
// *error set for an unterminated quote or a trailing backslash.
bool splitShellWords(const QString &command, QStringList *arguments, QString *error);

} // namespace syncdeck::aws
