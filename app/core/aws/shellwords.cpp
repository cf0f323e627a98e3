#include "shellwords.h"

namespace syncdeck::aws {

bool splitShellWords(const QString &command, QStringList *arguments, QString *error)
{
    arguments->clear();
    QString current;
    bool inWord = false;
    enum class Quote { None, Single, Double } quote = Quote::None;

    for (qsizetype i = 0; i < command.size(); ++i) {
        const QChar c = command.at(i);
        switch (quote) {
        case Quote::Single:
            if (c == u'\'')
                quote = Quote::None;
            else
                current += c;
            break;
        case Quote::Double:
            if (c == u'"') {
                quote = Quote::None;
            } else if (c == u'\\' && i + 1 < command.size()
                       && QStringView(u"\"\\$`\n").contains(command.at(i + 1))) {
                current += command.at(++i);
            } else {
                current += c;
            }
            break;
        case Quote::None:
            if (c.isSpace()) {
                if (inWord) {
                    arguments->append(current);
                    current.clear();
                    inWord = false;
                }
            } else if (c == u'\'') {
                quote = Quote::Single;
                inWord = true;
            } else if (c == u'"') {
                quote = Quote::Double;
                inWord = true;
            } else if (c == u'\\') {
                if (i + 1 >= command.size()) {
                    *error = QStringLiteral("the command ends with a lone backslash");
                    return false;
                }
                current += command.at(++i);
                inWord = true;
            } else {
                current += c;
                inWord = true;
            }
            break;
        }
    }
    if (quote != Quote::None) {
        *error = quote == Quote::Single ? QStringLiteral("a single quote (') is not closed")
                                        : QStringLiteral("a double quote (\") is not closed");
        return false;
    }
    if (inWord)
        arguments->append(current);
    if (arguments->isEmpty()) {
        *error = QStringLiteral("the command is empty");
        return false;
    }
    return true;
}

} // namespace syncdeck::aws
