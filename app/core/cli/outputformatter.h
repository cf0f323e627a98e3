#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTextStream>

#include <memory>

namespace syncdeck::cli {

// One column of csv and table output: a header and a dotted path into an item ("error.errorCode").
struct OutputColumn
{
    QString header;
    QString path;
};

// Writes command results as --output json | jsonl | csv | table. Items arrive page by page and
// are written as they come where the format allows (json, jsonl, csv); table needs every row to
// align its columns. Everything goes to `out`; nothing here writes to stderr.
class OutputFormatter
{
public:
    virtual ~OutputFormatter();

    // A listing: `listKey` is the member the AWS CLI prints the items under ("history").
    virtual void beginList(const QString &listKey, const QList<OutputColumn> &columns) = 0;
    virtual void item(const QJsonObject &item) = 0;
    // Ends the listing. A non-empty `token` is printed under `tokenKey` where the format has a
    // place for it (json: "NextToken" after --max-items, "nextToken" with --no-paginate).
    virtual void endList(const QString &tokenKey, const QString &token) = 0;
    // A single result (get-data-source, start-data-source-sync-job).
    virtual void object(const QJsonObject &object, const QList<OutputColumn> &columns) = 0;
    // True when endList() writes the token, so the caller need not say it on stderr.
    virtual bool printsToken() const { return false; }
    // True when items are printed as compact JSON, one per line (jsonl): the caller may then
    // hand over a page of lines it wrote itself with aws::JsonWriter (exactly the text item()
    // would print for the same objects) through itemLines() instead of calling item() per item.
    virtual bool takesJsonLines() const { return false; }
    // UTF-8 lines, each ending with '\n'. Only called when takesJsonLines() is true.
    virtual void itemLines(const QByteArray &lines) { Q_UNUSED(lines); }

    // "json", "jsonl", "csv", "table"; nullptr for anything else.
    static std::unique_ptr<OutputFormatter> create(const QString &format, QTextStream &out);
    static QStringList formats();

    // The cell text of `path` in `item`: strings verbatim, numbers and booleans as JSON text,
    // nested values as compact JSON, absent as empty.
    static QString cell(const QJsonObject &item, const QString &path);
};

} // namespace syncdeck::cli
