// qbusiness/consolelinks: the dashboard's "Go to" field (parseResourceReference): three IDs, a
// data source ARN, or a console URL.
// Invariants: what is accepted names three well-formed Q Business IDs; the console URL SyncDeck
// builds for them (with a plain region) and the three IDs typed back read to the same reference.
#include "fuzzsupport.h"

#include "qbusiness/consolelinks.h"

#include <QRegularExpression>

using namespace syncdeck::qbusiness;

namespace {

QString show(const ResourceReference &r)
{
    return r.region + u'|' + r.applicationId + u'|' + r.indexId + u'|' + r.dataSourceId;
}

bool same(const ResourceReference &a, const ResourceReference &b)
{
    return a.region == b.region && a.applicationId == b.applicationId && a.indexId == b.indexId
        && a.dataSourceId == b.dataSourceId;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    syncdeck::fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    ResourceReference ref;
    QString error;
    if (!parseResourceReference(text, &ref, &error)) {
        FUZZ_CHECK(!error.isEmpty(), text);
        return 0;
    }
    FUZZ_CHECK(isResourceId(ref.applicationId) && isResourceId(ref.indexId)
                   && isResourceId(ref.dataSourceId),
               show(ref));

    ResourceReference typed;
    FUZZ_CHECK(
        parseResourceReference(ref.applicationId + u' ' + ref.indexId + u' ' + ref.dataSourceId,
                               &typed, &error),
        error);
    typed.region = ref.region;
    FUZZ_CHECK(same(typed, ref), show(typed) + QStringLiteral(" != ") + show(ref));

    static const QRegularExpression plainRegion(QStringLiteral("^[a-z][a-z0-9-]{0,30}$"));
    if (plainRegion.match(ref.region).hasMatch()) {
        const QUrl url
            = dataSourceConsoleUrl(ref.region, ref.applicationId, ref.indexId, ref.dataSourceId);
        ResourceReference linked;
        FUZZ_CHECK(parseResourceReference(url.toString(), &linked, &error), error);
        FUZZ_CHECK(same(linked, ref), show(linked) + QStringLiteral(" != ") + show(ref));
        FUZZ_CHECK(
            syncRunLogUrl(ref.region, ref.applicationId, ref.dataSourceId, QStringLiteral("exec"))
                .isValid(),
            show(ref));
    }
    return 0;
}
