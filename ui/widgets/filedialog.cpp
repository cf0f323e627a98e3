#include "filedialog.h"

#include <QDir>
#include <QFileDialog>

#include <utility>

namespace syncdeck::ui {

QString FileDialog::getSaveFileName(QWidget *parent, const QString &caption,
                                    const QString &fileName, const QString &filter)
{
    if (!m_nextFileName.isEmpty())
        return std::exchange(m_nextFileName, {});
    if (!m_nextFolder.isEmpty())
        return QDir(std::exchange(m_nextFolder, {})).filePath(fileName);
    return QFileDialog::getSaveFileName(parent, caption, fileName, filter);
}

void FileDialog::setNextFileName(const QString &fileName)
{
    m_nextFileName = fileName;
}

void FileDialog::setNextFolder(const QString &folder)
{
    m_nextFolder = folder;
}

FileDialog *fileDialog()
{
    static FileDialog instance;
    return &instance;
}

} // namespace syncdeck::ui
