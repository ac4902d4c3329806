// React hook over the care-mode store; every page shell reads it so the switch applies everywhere.
import { useSyncExternalStore } from 'react';
import { careMode } from './care-mode';

export function useCareMode(): [boolean, (on: boolean) => void] {
  const enabled = useSyncExternalStore(careMode.subscribe, careMode.get, careMode.get);
  return [enabled, careMode.set];
}
