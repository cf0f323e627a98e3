#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace syncdeck::aws {

// Stores each distinct string once and hands out 32-bit references to it: for values that repeat
// across many records (error messages and codes of sync jobs, in the dashboard's job model and
// in the emulator's store). Reference 0 is the empty string, so a zeroed record means "absent".
class StringPool
{
public:
    // The reference of `text`, adding it when new; 0 for an empty string.
    quint32 intern(const QString &text);
    // The string of a reference from intern(); empty for 0 (and for a reference it never gave).
    const QString &at(quint32 ref) const;
    // Distinct non-empty strings held.
    qsizetype size() const { return m_strings.size(); }
    void clear();

private:
    QStringList m_strings; // reference r is m_strings[r - 1]
    QHash<QString, quint32> m_refs;
};

} // namespace syncdeck::aws
