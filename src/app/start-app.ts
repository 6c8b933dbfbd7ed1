import { PiniaColada } from '@pinia/colada';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from '../i18n';
import { router } from './router';
import { useEngineStore } from './engine-store';
import { QUERY_OPTIONS } from './query-options';
import '../styles/base.css';

const pinia = createPinia();
const app = createApp(App).use(pinia).use(PiniaColada, { queryOptions: QUERY_OPTIONS }).use(router).use(i18n);
// The engine's worker is compiling the wasm already (early.ts); its page side starts here, before
// Vue renders the shell.
void useEngineStore(pinia).start();
app.mount('#app');
performance.mark('hqd:shell-mounted');
