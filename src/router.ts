import { nextTick } from 'vue';
import { createRouter, createWebHistory } from 'vue-router';

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'overview', component: () => import('./views/OverviewView.vue') },
    { path: '/data', name: 'data', component: () => import('./views/DataView.vue') },
    { path: '/compare', name: 'compare', component: () => import('./views/CompareView.vue') },
    { path: '/present', name: 'present', component: () => import('./views/PresentView.vue'), meta: { bare: true } },
    { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
    { path: '/district/:id', name: 'district', component: () => import('./views/EntityView.vue') },
    { path: '/branch/:id', name: 'branch', component: () => import('./views/EntityView.vue') },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

// `#app[data-navigating]` while a route's view is fetched and mounted, as views carry `data-busy`
// while they query: until both are gone, what is on screen is not yet what the address says.
const navigating = (on: boolean) => document.getElementById('app')?.toggleAttribute('data-navigating', on);
router.beforeEach(() => void navigating(true));
router.afterEach(() => void nextTick(() => navigating(false)));
router.onError(() => navigating(false));
