#pragma once

#include <QIdentityProxyModel>
#include <QPalette>

namespace syncdeck::ui {

// Adds the presentation of the core job model: status icon and colour, accessible text (every
// cell has one: its value, as the header names the column; a blank cell reads "not reported").
// Core stays QtCore-only; this is the only place the jobs table gets its looks.
class JobStatusProxyModel : public QIdentityProxyModel
{
    Q_OBJECT
public:
    explicit JobStatusProxyModel(QObject *parent = nullptr);

    void setPalette(const QPalette &palette);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QVariant presentationData(const QModelIndex &index, int role) const;

    QPalette m_palette;
};

} // namespace syncdeck::ui
