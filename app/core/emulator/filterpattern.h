#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

// CloudWatch Logs filter patterns, the part a report reader needs: a JSON pattern
// `{ ($.a.b = "x") || ($.c != "y") && ... }` with string and number values (a trailing `*` is a
// prefix match), and term patterns (`ERROR "two words" -DEBUG`: every term present, none of the
// excluded). Anything else is refused, as the service refuses a pattern it cannot read.
namespace syncdeck::emulator {

class FilterPattern
{
public:
    FilterPattern();
    ~FilterPattern();
    FilterPattern(FilterPattern &&) noexcept;
    FilterPattern &operator=(FilterPattern &&) noexcept;

    // False with *error ("Invalid character(s) in term '...'") when the pattern is not one.
    bool parse(const QString &pattern, QString *error);
    bool matchesAll() const;
    bool matches(const QByteArray &message) const;

    struct Node;

private:
    std::unique_ptr<Node> m_json; // a JSON pattern's expression
    QStringList m_terms; // a term pattern
    QStringList m_excluded;
};

} // namespace syncdeck::emulator
