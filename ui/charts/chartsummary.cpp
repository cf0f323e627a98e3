#include "chartsummary.h"

#include "qbusiness/runhistory.h"
#include "qbusiness/runkpis.h"
#include "qbusiness/syncjobmodel.h"

#include <QAbstractScrollArea>
#include <QAbstractTableModel>
#include <QAction>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace syncdeck::ui::charts {

using qbusiness::ChartMetric;
using qbusiness::RunHistory;
using qbusiness::SyncStatus;

namespace {

QString localTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toLocalTime().toString(
        QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString count(const std::optional<double> &v)
{
    return v ? QLocale().toString(qint64(*v)) : QString();
}

// The chart's runs, newest first, in the columns of its summary. Reset on every change of the
// history: a table someone reads is small next to the work of drawing the chart.
class ChartDataModel : public QAbstractTableModel
{
public:
    ChartDataModel(const ChartSummary *summary, RunHistory *history, QObject *parent)
        : QAbstractTableModel(parent)
        , m_summary(summary)
        , m_history(history)
        , m_columns(summary->columns())
    {
        if (!history)
            return;
        for (auto signal : {&RunHistory::jobsAppended, &RunHistory::jobsUpdated}) {
            connect(history, signal, this, [this] {
                beginResetModel();
                endResetModel();
            });
        }
        connect(history, &RunHistory::cleared, this, [this] {
            beginResetModel();
            endResetModel();
        });
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() || !m_history ? 0 : m_history->plottableCount();
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_columns.size());
    }
    QVariant headerData(int section, Qt::Orientation o, int role) const override
    {
        if (o == Qt::Horizontal && role == Qt::DisplayRole && section < m_columns.size())
            return m_columns[section];
        return QAbstractTableModel::headerData(section, o, role);
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || !m_history)
            return {};
        const int run = m_history->count() - 1 - index.row(); // newest first
        if (role == Qt::DisplayRole)
            return m_summary->cell(run, index.column());
        if (role == Qt::AccessibleTextRole) {
            const QString text = m_summary->cell(run, index.column());
            return text.isEmpty() ? ChartSummary::tr("not reported") : text;
        }
        if (role == Qt::TextAlignmentRole && index.column() >= 2)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }

private:
    const ChartSummary *m_summary;
    QPointer<RunHistory> m_history;
    QStringList m_columns;
};

} // namespace

ChartSummary::ChartSummary(Kind kind, QWidget *chart)
    : QObject(chart)
    , m_kind(kind)
    , m_chart(chart)
{
    m_showTable = new QAction(tr("Show data as &table"), this);
    m_showTable->setObjectName(QStringLiteral("showDataTableAction"));
    // On the focused chart: Ctrl+T, or the context menu (menu key, Shift+F10).
    m_showTable->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_showTable->setShortcutContext(Qt::WidgetShortcut);
    chart->addAction(m_showTable);
    chart->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_showTable, &QAction::triggered, this, &ChartSummary::showTable);
    update();
}

void ChartSummary::setModel(RunHistory *model)
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_model = model;
    if (model) {
        m_connections = {
            connect(model, &RunHistory::jobsAppended, this, &ChartSummary::update),
            connect(model, &RunHistory::jobsUpdated, this, &ChartSummary::update),
            connect(model, &RunHistory::cleared, this, &ChartSummary::update),
        };
    }
    delete m_table.data();
    update();
}

QString ChartSummary::title() const
{
    switch (m_kind) {
    case Kind::Documents:
        return tr("Documents per run");
    case Kind::Status:
        return tr("Run status over time");
    case Kind::Duration:
        return tr("Run duration");
    }
    return {};
}

QString ChartSummary::description() const
{
    if (!m_model || m_model->plottableCount() == 0)
        return tr("No runs loaded.");
    const QLocale locale;
    const int runs = m_model->plottableCount();
    QString text = runs == 1 ? tr("1 run on %1").arg(localTime(m_model->lastStartMs()))
                             : tr("%1 runs from %2 to %3")
                                   .arg(locale.toString(runs), localTime(m_model->firstStartMs()),
                                        localTime(m_model->lastStartMs()));
    if (m_kind == Kind::Status) {
        QStringList counts;
        for (SyncStatus s : qbusiness::knownSyncStatuses()) {
            if (const int n = m_model->plottableCount(s))
                counts << tr("%1 %2").arg(
                    locale.toString(n),
                    qbusiness::SyncJobModel::statusText(qbusiness::syncStatusToWire(s)).toLower());
        }
        if (!counts.isEmpty())
            text += QStringLiteral(": ") + counts.join(QStringLiteral(", "));
    }
    const int last = m_model->count() - 1;
    QString lastRun = qbusiness::SyncJobModel::statusText(m_model->job(last).status);
    switch (m_kind) {
    case Kind::Documents: {
        const QString failed = count(m_model->value(last, ChartMetric::Failed));
        const QString scanned = count(m_model->value(last, ChartMetric::Scanned));
        lastRun += QStringLiteral(", ")
            + (failed.isEmpty() ? tr("failed documents not reported") : tr("%1 failed").arg(failed))
            + QStringLiteral(", ")
            + (scanned.isEmpty() ? tr("scanned not reported") : tr("%1 scanned").arg(scanned));
        break;
    }
    case Kind::Duration:
        if (const auto d = m_model->value(last, ChartMetric::DurationSeconds))
            lastRun
                += QStringLiteral(", ") + tr("took %1").arg(qbusiness::formatDuration(qint64(*d)));
        else
            lastRun += QStringLiteral(", ") + tr("still running");
        break;
    case Kind::Status:
        break;
    }
    return tr("%1; last run: %2.").arg(text, lastRun);
}

void ChartSummary::update()
{
    m_chart->setAccessibleName(title());
    m_chart->setAccessibleDescription(description());
    // The view's viewport is exported as a focusable child of its own (AT-SPI "filler"):
    // named too, or a screen reader meets an unnamed stop inside the chart.
    if (auto *area = qobject_cast<QAbstractScrollArea *>(m_chart);
        area && area->viewport()->accessibleName() != title())
        area->viewport()->setAccessibleName(title());
}

QStringList ChartSummary::columns() const
{
    QStringList c = {tr("Started"), tr("Status")};
    switch (m_kind) {
    case Kind::Documents:
        c << tr("Added") << tr("Modified") << tr("Deleted") << tr("Failed") << tr("Scanned");
        break;
    case Kind::Status:
        c << tr("Error code");
        break;
    case Kind::Duration:
        c << tr("Duration");
        break;
    }
    return c;
}

QString ChartSummary::cell(int index, int column) const
{
    if (!m_model || index < 0 || index >= m_model->count())
        return {};
    const qbusiness::SyncJob &job = m_model->job(index);
    if (column == 0)
        return job.startTime.isValid() ? localTime(job.startTime.toMSecsSinceEpoch()) : QString();
    if (column == 1)
        return qbusiness::SyncJobModel::statusText(job.status);
    switch (m_kind) {
    case Kind::Documents: {
        static constexpr ChartMetric Metrics[]
            = {ChartMetric::Added, ChartMetric::Modified, ChartMetric::Deleted, ChartMetric::Failed,
               ChartMetric::Scanned};
        return column - 2 < 5 ? count(m_model->value(index, Metrics[column - 2])) : QString();
    }
    case Kind::Status:
        return job.errorCode;
    case Kind::Duration:
        if (const auto d = m_model->value(index, ChartMetric::DurationSeconds))
            return qbusiness::formatDuration(qint64(*d));
        return {};
    }
    return {};
}

QDialog *ChartSummary::showTable()
{
    if (!m_table) {
        auto *dialog = new QDialog(m_chart->window());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setObjectName(QStringLiteral("chartDataTable"));
        dialog->setWindowTitle(tr("%1 — data").arg(title()));
        auto *view = new QTableView(dialog);
        view->setObjectName(QStringLiteral("chartDataView"));
        view->setAccessibleName(title());
        view->setAccessibleDescription(description());
        view->setTabKeyNavigation(false);
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->verticalHeader()->hide();
        view->setModel(new ChartDataModel(this, m_model, view));
        view->resizeColumnsToContents();
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
        auto *layout = new QVBoxLayout(dialog);
        layout->addWidget(view);
        layout->addWidget(buttons);
        dialog->resize(640, 420);
        m_table = dialog;
    }
    m_table->show();
    m_table->raise();
    m_table->activateWindow();
    return m_table;
}

} // namespace syncdeck::ui::charts
