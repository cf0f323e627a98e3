#include "stringpool.h"

namespace syncdeck::aws {

quint32 StringPool::intern(const QString &text)
{
    if (text.isEmpty())
        return 0;
    const auto it = m_refs.constFind(text);
    if (it != m_refs.constEnd())
        return *it;
    m_strings.append(text);
    const auto ref = quint32(m_strings.size());
    m_refs.insert(text, ref);
    return ref;
}

const QString &StringPool::at(quint32 ref) const
{
    static const QString Empty;
    return ref == 0 || ref > quint32(m_strings.size()) ? Empty : m_strings.at(qsizetype(ref) - 1);
}

void StringPool::clear()
{
    m_strings.clear();
    m_refs.clear();
}

} // namespace syncdeck::aws
