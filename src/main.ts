import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';
import { useEngineStore } from './stores/engine';
import './styles/base.css';

const app = createApp(App).use(createPinia()).use(router).use(i18n);
app.mount('#app');
performance.mark('hqd:shell-mounted');
// The shell is on screen; only now is the engine's wasm fetched and compiled.
requestAnimationFrame(() => void useEngineStore().start());
