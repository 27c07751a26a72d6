import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import './styles/base.css'
import './styles/layout.css'
import './styles/list.css'
import './styles/reader.css'
import './styles/dialog.css'
import './styles/import.css'
import './styles/workspace.css'
import './styles/curation.css'
import './styles/insights.css'
import './styles/export.css'
import './styles/panes.css'
import './styles/collections.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
