#include "exportjobsdialog.h"

#include "widgets/exportname.h"
#include "widgets/filedialog.h"
#include "widgets/messagebox.h"

#include <QCoreApplication>

namespace syncdeck::ui {

namespace {
// lupdate sees Text::tr() as the context "ExportJobsDialog".
class Text
{
    Q_DECLARE_TR_FUNCTIONS(ExportJobsDialog)
};
} // namespace

QString exportJobsInteractively(QWidget *parent, const QString &caption,
                                const QList<qbusiness::SyncJob> &jobs,
                                qbusiness::JobExportFormat format, const QString &dataSource)
{
    const bool csv = format == qbusiness::JobExportFormat::Csv;
    const QString name
        = proposedExportName(dataSource, QStringLiteral("jobs"), QDateTime::currentDateTime(),
                             csv ? QStringLiteral("csv") : QStringLiteral("json"));
    const QString path = fileDialog()->getSaveFileName(parent, caption, name,
                                                       csv ? Text::tr("CSV files (*.csv)")
                                                           : Text::tr("JSON files (*.json)"));
    if (path.isEmpty())
        return {};
    QString error;
    if (!qbusiness::exportJobs(path, jobs, format, &error)) {
        MessageBox::warning(parent, Text::tr("Export failed"), error);
        return {};
    }
    return path;
}

} // namespace syncdeck::ui
