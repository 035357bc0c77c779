import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import './styles/base.css'
import './styles/shell.css'
import './styles/library.css'
import './styles/reader.css'
import './styles/sidebar.css'
import './styles/views.css'
import './styles/search.css'
import './styles/export.css'
import './styles/reliability.css'
import './styles/analysis.css'

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>
  )
}
