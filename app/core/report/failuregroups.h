#pragma once

#include "reportevent.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace syncdeck::report {

// The reason of an error text with what differs between documents collapsed, so that
// "File abc.pdf exceeds 50 MB" and "File x.docx exceeds 50 MB" are one reason: URLs, quoted
// text, e-mail addresses, paths, file names, UUIDs and other ids, and numbers become
// placeholders (<url> <text> <email> <path> <file> <id> <n>); white space is collapsed.
QString normalizeErrorMessage(const QString &message);
// A Logs Insights regular expression (without the slashes) that matches the texts
// normalizeErrorMessage() turns into `reason`.
QString reasonPattern(const QString &reason);

// The failed and skipped documents of a report, grouped by status and normalized reason.
struct FailureGroup
{
    DocumentStatus status = DocumentStatus::Failed;
    QString reason; // normalizeErrorMessage() of the texts, "" for documents without one
    QString exampleMessage; // the first text of the group, verbatim
    qint64 count = 0;
    qint64 firstSeen = 0; // event timestamps, ms since the epoch
    qint64 lastSeen = 0;
    QStringList exampleDocuments; // document ids (or titles), the first few
};

class FailureGroups
{
public:
    static constexpr int MaxExamples = 3;
    // Distinct reasons kept; beyond, texts are counted under one "other reasons" group per
    // status, so memory stays bounded whatever the service writes.
    static constexpr int MaxGroups = 5000;

    // Adds a failed or skipped event (others are ignored); returns its group's index, or -1.
    int add(const ReportEvent &event);
    // The same from the pieces the report model keeps.
    int add(DocumentStatus status, const QString &errorText, const QString &document,
            qint64 timestamp);
    // The same with the reason already normalized (callers that cache it per distinct text).
    int addNormalized(DocumentStatus status, const QString &reason, const QString &errorText,
                      const QString &document, qint64 timestamp);
    // The reason add() files a text under (noMessage() for an empty one).
    static QString reasonOf(const QString &errorText);
    void clear();

    const QList<FailureGroup> &groups() const { return m_groups; } // in first-seen order
    // Indexes into groups(), the largest first (ties: first seen first).
    QList<int> byCount() const;
    int indexOf(DocumentStatus status, const QString &reason) const;
    qint64 documents(DocumentStatus status) const; // in all groups of that status

    static QString otherReasons() { return QStringLiteral("(other reasons)"); }
    static QString noMessage() { return QStringLiteral("(no error message)"); }

private:
    QList<FailureGroup> m_groups;
    QHash<QString, int> m_index; // status letter + reason -> index
    QHash<QString, QString> m_normalized; // error text -> reason (texts repeat a lot)
};

} // namespace syncdeck::report
