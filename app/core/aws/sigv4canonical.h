#pragma once

// The canonical request of SigV4's task 1, written stage by stage into bounded buffers. Internal
// to the signer: sign() passes the headers it adds itself without copying the request.

#include "sigv4.h"
#include "sigv4bytes.h"

#include <QVarLengthArray>

namespace syncdeck::aws::sigv4::detail {

// A header to sign, by reference into the request (or the signer's own values).
struct HeaderRef
{
    QByteArrayView name; // trimmed, any case
    QByteArrayView value; // as given
    qsizetype order;
    bool clean = false; // the signer's own value: nothing to trim or collapse
};
using HeaderRefs = QVarLengthArray<HeaderRef, 24>;
using SignedHeaders = QVarLengthArray<char, 512>;

qsizetype canonicalUriBound(QByteArrayView path);
void writeCanonicalUri(BoundedWriter &w, QByteArrayView path, const Settings &settings);
qsizetype canonicalQueryBound(QByteArrayView query);
void writeCanonicalQuery(BoundedWriter &w, QByteArrayView query);
// The request's headers that SigV4 signs plus `extra`, sorted by lowercase name (ties keep the
// sending order).
void collectHeaders(const QList<Header> &headers, const HeaderRef *extra, qsizetype extraCount,
                    HeaderRefs &out);
// Upper bounds of the canonical header lines and of the signed header list.
qsizetype headersBound(const HeaderRefs &headers);
qsizetype namesBound(const HeaderRefs &headers);
// Writes "name:value\n" lines to `w` and "a;b;c" to `names`.
void writeCanonicalHeaders(BoundedWriter &w, BoundedWriter &names, const HeaderRefs &headers);
// The canonical request; `names` gets the signed header list ("a;b;c").
QByteArray buildCanonicalRequest(const Request &request, const HeaderRef *extra,
                                 qsizetype extraCount, const Settings &settings,
                                 QByteArrayView payloadHash, SignedHeaders &names);

} // namespace syncdeck::aws::sigv4::detail
