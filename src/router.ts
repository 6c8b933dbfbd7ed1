import { createRouter, createWebHistory } from 'vue-router';


export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'overview', component: () => import('./views/OverviewView.vue') },
    { path: '/data', name: 'data', component: () => import('./views/DataView.vue') },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});
