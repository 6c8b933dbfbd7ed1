import { nextTick } from 'vue';
import { createRouter, createWebHistory } from 'vue-router';

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'overview', component: () => import('../features/overview/OverviewPage.vue') },
    { path: '/data', name: 'data', component: () => import('../features/data/DataPage.vue') },
    { path: '/compare', name: 'compare', component: () => import('../features/compare/ComparePage.vue') },
    { path: '/present', name: 'present', component: () => import('../features/present/PresentPage.vue'), meta: { bare: true } },
    { path: '/sql', name: 'sql', component: () => import('../features/sql/SqlPage.vue') },
    { path: '/settings', name: 'settings', component: () => import('../features/settings/SettingsPage.vue') },
    { path: '/district/:id', name: 'district', component: () => import('../features/scorecard/ScorecardPage.vue') },
    { path: '/branch/:id', name: 'branch', component: () => import('../features/scorecard/ScorecardPage.vue') },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

// `#app[data-navigating]` while a route's view is fetched and mounted. Views carry `data-busy`
// while a query asks and `data-settled` once what they show answers what the address says: until
// the view is settled and the app is not navigating, the screen is not yet what the link asks.
const navigating = (on: boolean) => document.getElementById('app')?.toggleAttribute('data-navigating', on);
router.beforeEach(() => void navigating(true));
router.afterEach(() => void nextTick(() => navigating(false)));
router.onError(() => navigating(false));
