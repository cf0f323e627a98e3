#pragma once

#include "types.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// ListDocuments bodies (rest-json), by the rules of jsoncodec: unknown members ignored, null is
// absent, statuses verbatim, a malformed member named in *error.
namespace syncdeck::qbusiness::documentcodec {

bool readDocumentPage(const QByteArray &body, DocumentPage *page, QString *error);
// The AWS CLI's JSON shape of one DocumentDetails (`list-documents --output json`).
QJsonObject toJson(const DocumentDetails &document);

} // namespace syncdeck::qbusiness::documentcodec
