#pragma once

#include <QString>

class QWidget;

namespace syncdeck::ui {

// The dashboard's file choosers, with KeePassXC's seam for tests: a name given to
// setNextFileName() is returned by the next chooser instead of showing it.
class FileDialog
{
public:
    // The path to save to, or an empty string when the user cancelled.
    QString getSaveFileName(QWidget *parent, const QString &caption, const QString &fileName,
                            const QString &filter);

    void setNextFileName(const QString &fileName);

private:
    QString m_nextFileName;
};

// The one FileDialog of the application.
FileDialog *fileDialog();

} // namespace syncdeck::ui
