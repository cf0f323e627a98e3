#include "filterpattern.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <vector>

namespace syncdeck::emulator {

struct FilterPattern::Node
{
    enum class Kind { And, Or, Equal, NotEqual } kind = Kind::Equal;
    std::vector<std::unique_ptr<Node>> children; // And, Or
    QStringList path; // Equal, NotEqual: $.a.b is {"a", "b"}
    QString value;
    bool isNumber = false;
};

namespace {

using Node = FilterPattern::Node;

// A recursive-descent reader of the JSON pattern's expression.
class Reader
{
public:
    explicit Reader(QStringView text)
        : m_text(text)
    { }

    std::unique_ptr<Node> expression(QString *error)
    {
        std::unique_ptr<Node> left = term(error);
        while (left) {
            skipSpace();
            Node::Kind kind;
            if (take(u"&&"))
                kind = Node::Kind::And;
            else if (take(u"||"))
                kind = Node::Kind::Or;
            else
                break;
            std::unique_ptr<Node> right = term(error);
            if (!right)
                return nullptr;
            auto both = std::make_unique<Node>();
            both->kind = kind;
            both->children.push_back(std::move(left));
            both->children.push_back(std::move(right));
            left = std::move(both);
        }
        return left;
    }
    bool atEnd()
    {
        skipSpace();
        return m_pos >= m_text.size();
    }

private:
    std::unique_ptr<Node> term(QString *error)
    {
        skipSpace();
        if (take(u"(")) {
            std::unique_ptr<Node> inner = expression(error);
            skipSpace();
            if (inner && !take(u")")) {
                *error = QStringLiteral("Missing ')' in the filter pattern");
                return nullptr;
            }
            return inner;
        }
        if (!take(u"$.")) {
            *error = QStringLiteral("Expected a selector such as $.field at position %1 of the "
                                    "filter pattern")
                         .arg(m_pos);
            return nullptr;
        }
        auto node = std::make_unique<Node>();
        const qsizetype start = m_pos;
        while (m_pos < m_text.size()
               && (m_text[m_pos].isLetterOrNumber() || m_text[m_pos] == u'_'
                   || m_text[m_pos] == u'.' || m_text[m_pos] == u'-'))
            ++m_pos;
        node->path = m_text.mid(start, m_pos - start).toString().split(u'.');
        skipSpace();
        if (take(u"!="))
            node->kind = Node::Kind::NotEqual;
        else if (take(u"="))
            node->kind = Node::Kind::Equal;
        else {
            *error = QStringLiteral("Expected = or != after $.%1 in the filter pattern")
                         .arg(node->path.join(u'.'));
            return nullptr;
        }
        skipSpace();
        if (take(u"\"")) {
            const qsizetype end = m_text.indexOf(u'"', m_pos);
            if (end < 0) {
                *error = QStringLiteral("Unterminated string in the filter pattern");
                return nullptr;
            }
            node->value = m_text.mid(m_pos, end - m_pos).toString();
            m_pos = end + 1;
        } else {
            const qsizetype vstart = m_pos;
            while (m_pos < m_text.size() && !m_text[m_pos].isSpace() && m_text[m_pos] != u')')
                ++m_pos;
            node->value = m_text.mid(vstart, m_pos - vstart).toString();
            bool ok = false;
            node->value.toDouble(&ok);
            node->isNumber = ok;
            if (node->value.isEmpty()) {
                *error = QStringLiteral("Missing value after $.%1 in the filter pattern")
                             .arg(node->path.join(u'.'));
                return nullptr;
            }
        }
        return node;
    }
    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text[m_pos].isSpace())
            ++m_pos;
    }
    bool take(QStringView token)
    {
        if (m_text.mid(m_pos).startsWith(token)) {
            m_pos += token.size();
            return true;
        }
        return false;
    }

    QStringView m_text;
    qsizetype m_pos = 0;
};

bool valueMatches(const QJsonValue &v, const Node &n)
{
    QString text;
    if (v.isString())
        text = v.toString();
    else if (v.isDouble())
        text = QString::number(v.toDouble());
    else if (v.isBool())
        text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    else
        return false;
    if (n.isNumber && v.isDouble())
        return v.toDouble() == n.value.toDouble();
    if (n.value.endsWith(u'*'))
        return text.startsWith(QStringView(n.value).chopped(1));
    return text == n.value;
}

bool evaluate(const Node &n, const QJsonObject &root)
{
    switch (n.kind) {
    case Node::Kind::And:
        return evaluate(*n.children[0], root) && evaluate(*n.children[1], root);
    case Node::Kind::Or:
        return evaluate(*n.children[0], root) || evaluate(*n.children[1], root);
    case Node::Kind::Equal:
    case Node::Kind::NotEqual:
        break;
    }
    QJsonValue v = root;
    for (const QString &key : n.path) {
        if (!v.isObject())
            return false; // a missing selector matches neither = nor !=
        v = v.toObject().value(key);
    }
    if (v.isUndefined() || v.isNull() || v.isObject() || v.isArray())
        return false;
    const bool equal = valueMatches(v, n);
    return n.kind == Node::Kind::Equal ? equal : !equal;
}

} // namespace

FilterPattern::FilterPattern() = default;
FilterPattern::~FilterPattern() = default;
FilterPattern::FilterPattern(FilterPattern &&) noexcept = default;
FilterPattern &FilterPattern::operator=(FilterPattern &&) noexcept = default;

bool FilterPattern::parse(const QString &pattern, QString *error)
{
    m_json.reset();
    m_terms.clear();
    m_excluded.clear();
    const QString text = pattern.trimmed();
    if (text.startsWith(u'{')) {
        if (!text.endsWith(u'}')) {
            *error = QStringLiteral("Invalid filter pattern: a JSON pattern ends with '}'");
            return false;
        }
        Reader reader(QStringView(text).sliced(1, text.size() - 2));
        QString why;
        m_json = reader.expression(&why);
        if (m_json && !reader.atEnd())
            why = QStringLiteral("Unexpected text after the expression");
        if (!m_json || !why.isEmpty()) {
            m_json.reset();
            *error = QStringLiteral("Invalid filter pattern: %1").arg(why);
            return false;
        }
        return true;
    }
    // Terms: words, or "quoted phrases"; a leading '-' excludes.
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i].isSpace())
            ++i;
        if (i >= text.size())
            break;
        const bool exclude = text[i] == u'-';
        if (exclude)
            ++i;
        QString term;
        if (i < text.size() && text[i] == u'"') {
            const qsizetype end = text.indexOf(u'"', i + 1);
            if (end < 0) {
                *error = QStringLiteral("Invalid filter pattern: unterminated quoted term");
                return false;
            }
            term = text.mid(i + 1, end - i - 1);
            i = end + 1;
        } else {
            const qsizetype start = i;
            while (i < text.size() && !text[i].isSpace())
                ++i;
            term = text.mid(start, i - start);
            if (term.contains(u'{') || term.contains(u'}') || term.contains(u'[')) {
                *error = QStringLiteral("Invalid character(s) in term '%1'").arg(term);
                return false;
            }
        }
        (exclude ? m_excluded : m_terms).append(term);
    }
    return true;
}

bool FilterPattern::matchesAll() const
{
    return !m_json && m_terms.isEmpty() && m_excluded.isEmpty();
}

bool FilterPattern::matches(const QByteArray &message) const
{
    if (m_json) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(message, &error);
        return doc.isObject() && evaluate(*m_json, doc.object());
    }
    for (const QString &t : m_terms) {
        if (!message.contains(t.toUtf8()))
            return false;
    }
    for (const QString &t : m_excluded) {
        if (message.contains(t.toUtf8()))
            return false;
    }
    return true;
}

} // namespace syncdeck::emulator
