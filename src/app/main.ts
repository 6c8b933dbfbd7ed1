import { PiniaColada } from '@pinia/colada';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from '../i18n';
import { router } from './router';
import { useEngineStore } from './engine-store';
import { QUERY_OPTIONS } from './query-options';
import '../styles/base.css';

const app = createApp(App).use(createPinia()).use(PiniaColada, { queryOptions: QUERY_OPTIONS }).use(router).use(i18n);
app.mount('#app');
performance.mark('hqd:shell-mounted');
// The shell is mounted: start fetching and compiling the engine now, while the browser paints.
void useEngineStore().start();
