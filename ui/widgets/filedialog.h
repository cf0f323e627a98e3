#pragma once

#include <QString>

class QWidget;

namespace syncdeck::ui {

// The dashboard's file choosers, with KeePassXC's seam for tests: a name given to
// setNextFileName() is returned by the next chooser instead of showing it; a folder given to
// setNextFolder() makes the next chooser accept the name it proposes in that folder, as a user
// who only picks the folder and clicks Save.
class FileDialog
{
public:
    // The path to save to, or an empty string when the user cancelled. `fileName` is the name
    // proposed.
    QString getSaveFileName(QWidget *parent, const QString &caption, const QString &fileName,
                            const QString &filter);

    void setNextFileName(const QString &fileName);
    void setNextFolder(const QString &folder);

private:
    QString m_nextFileName;
    QString m_nextFolder;
};

// The one FileDialog of the application.
FileDialog *fileDialog();

} // namespace syncdeck::ui
