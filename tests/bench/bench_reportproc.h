#pragma once

#include <QFile>
#include <QString>

namespace syncdeck::test {

// A "Name:   N kB" field of a /proc status file (e.g. VmHWM, the peak resident set), in kB; 0
// when the file or the field is not there (the process is gone, or not Linux).
inline qint64 procStatusKb(const QString &statusPath, QByteArrayView field)
{
    QFile f(statusPath);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field) && line.mid(field.size()).startsWith(':'))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

} // namespace syncdeck::test
