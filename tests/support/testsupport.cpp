#include "testsupport.h"

#include <QDir>
#include <QFileInfo>

namespace syncdeck::test {

namespace {
QString configuredSharedDir()
{
    return qEnvironmentVariable("SYNCDECK_SHARED_DIR");
}
} // namespace

QString sharedReferenceDir()
{
    const QString base = configuredSharedDir();
    if (base.isEmpty())
        return {};
    const QString reference = QDir(base).filePath(QStringLiteral("reference"));
    return QFileInfo(reference).isDir() ? QDir(reference).canonicalPath() : QString();
}

QString sharedReferenceMissingMessage()
{
    return QStringLiteral("AWS reference data not found (looked for %1/reference; set "
                          "SYNCDECK_SHARED_DIR or configure with -DSYNCDECK_SHARED_DIR=...)")
        .arg(configuredSharedDir().isEmpty() ? QStringLiteral("<SYNCDECK_SHARED_DIR unset>")
                                             : configuredSharedDir());
}

} // namespace syncdeck::test
